package dev.billfold.fxrate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Reads a feed's body from a {@code file:} path or an http(s) address, with a timeout. */
final class FeedReader {

    private final HttpClient http;
    private final Duration timeout;

    FeedReader(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    String read(URI address) {
        try {
            if ("file".equals(address.getScheme())) {
                return Files.readString(Path.of(address), StandardCharsets.UTF_8);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(address).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new RateFeedException(address + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new RateFeedException("Could not read " + address + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RateFeedException("Interrupted while reading " + address, e);
        }
    }
}
