package dev.billfold.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the application on its port: what a provider's system sends and gets. */
final class ApiHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    ApiHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Answer(int status, HttpResponse<String> response) {

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        String body() {
            return response.body();
        }

        @Nullable String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }
    }

    Answer get(@Nullable String key, String path) {
        return send("GET", path, key, null, Map.of());
    }

    Answer post(@Nullable String key, String path, String body) {
        return send("POST", path, key, body, Map.of());
    }

    Answer post(@Nullable String key, String path, String body, String idempotencyKey) {
        return send("POST", path, key, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    Answer patch(@Nullable String key, String path, String body) {
        return send("PATCH", path, key, body, Map.of());
    }

    Answer delete(@Nullable String key, String path) {
        return send("DELETE", path, key, null, Map.of());
    }

    Answer send(String method, String path, @Nullable String key, @Nullable String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
