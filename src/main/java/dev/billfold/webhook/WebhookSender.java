package dev.billfold.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One POST to a receiver (DD-075, DD-076): the whole call within the timeout, no redirects followed, no proxy, the
 * receiver's answer read only up to a small cap, and the host's addresses checked by {@link TargetGuard} as the
 * connection is made (the address checked is the one connected to).
 */
@Component
class WebhookSender implements DisposableBean {

    private static final MediaType JSON = MediaType.get("application/json");
    static final String USER_AGENT = "Billfold-Webhooks/1";

    private final OkHttpClient client;
    private final TargetGuard guard;
    private final WebhookProperties properties;

    WebhookSender(TargetGuard guard, WebhookProperties properties) {
        this.guard = guard;
        this.properties = properties;
        Duration timeout = properties.timeout();
        this.client = new OkHttpClient.Builder()
                .dns(guard)
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .connectionPool(new ConnectionPool(Math.max(5, properties.senders() * 2), 1, TimeUnit.MINUTES))
                .build();
    }

    /** What came of one attempt. */
    record Answer(AttemptOutcome outcome, @Nullable Integer status, @Nullable Duration retryAfter,
                  @Nullable String body, @Nullable String error) {
    }

    Answer send(URI url, String messageId, long timestamp, String signature, String payload, Instant now) {
        try {
            guard.checkBeforeSending(url);
        } catch (TargetGuard.RefusedTarget refused) {
            return new Answer(AttemptOutcome.BLOCKED, null, null, null, refused.getMessage());
        }
        Request request = new Request.Builder()
                .url(url.toString())
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .header("User-Agent", USER_AGENT)
                .post(RequestBody.create(payload, JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            int status = response.code();
            String body = excerpt(response);
            if (status >= 200 && status < 300) {
                return new Answer(AttemptOutcome.DELIVERED, status, null, body, null);
            }
            if (status == 410) {
                return new Answer(AttemptOutcome.GONE, status, null, body, "The receiver answered 410 Gone");
            }
            if (status == 429 || status == 503) {
                return new Answer(AttemptOutcome.THROTTLED, status, retryAfter(response.header("Retry-After"), now),
                        body, "The receiver answered " + status);
            }
            return new Answer(AttemptOutcome.REFUSED, status, null, body, "The receiver answered " + status
                    + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
        } catch (TargetGuard.RefusedTarget refused) {
            return new Answer(AttemptOutcome.BLOCKED, null, null, null, refused.getMessage());
        } catch (InterruptedIOException timedOut) {
            return new Answer(AttemptOutcome.TIMEOUT, null, null, null,
                    "No answer within " + properties.timeout().toSeconds() + " s");
        } catch (IOException failed) {
            String message = failed.getMessage() == null ? "" : ": " + failed.getMessage();
            return new Answer(AttemptOutcome.NETWORK, null, null, null, failed.getClass().getSimpleName() + message);
        }
    }

    private @Nullable String excerpt(Response response) throws IOException {
        if (properties.responseBytes() == 0) {
            return null;
        }
        try (InputStream in = response.body().byteStream()) {
            byte[] read = in.readNBytes(properties.responseBytes());
            return read.length == 0 ? null : new String(read, StandardCharsets.UTF_8);
        }
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static @Nullable Duration retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now,
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    @Override
    public void destroy() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
