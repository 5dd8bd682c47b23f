package dev.billfold.gateway.mpesa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Daraja over the JDK's HTTP client: the OAuth token (cached until shortly before it expires), the STK push and its
 * query. Translates nothing: the gateway maps the answers. Throws {@link IOException} when there is no answer.
 */
class DarajaClient {

    static final String TOKEN_PATH = "/oauth/v1/generate?grant_type=client_credentials";
    static final String PUSH_PATH = "/mpesa/stkpush/v1/processrequest";
    static final String QUERY_PATH = "/mpesa/stkpushquery/v1/query";
    /** Safaricom's timestamps and passwords are in Kenyan time. */
    static final ZoneId EAT = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** A token is renewed this long before Daraja says it expires, so none expires in flight. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

    private final HttpClient http;
    private final MpesaProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private @Nullable CachedToken token;

    DarajaClient(HttpClient http, MpesaProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    /** Daraja's answer: its HTTP status and its JSON body (empty when it sent none or no JSON). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status / 100 == 2;
        }

        String text(String field) {
            return body.path(field).asString("");
        }
    }

    Answer push(Map<String, Object> fields) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>(credentials());
        body.putAll(fields);
        return post(PUSH_PATH, body);
    }

    Answer query(String checkoutRequestId) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>(credentials());
        body.put("CheckoutRequestID", checkoutRequestId);
        return post(QUERY_PATH, body);
    }

    /** BusinessShortCode, Password = base64(shortcode + passkey + timestamp) and the timestamp, in EAT. */
    private Map<String, Object> credentials() {
        String timestamp = TIMESTAMP.format(clock.instant().atZone(EAT));
        String password = Base64.getEncoder().encodeToString((properties.shortcode() + properties.passkey()
                + timestamp).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("BusinessShortCode", properties.shortcode());
        fields.put("Password", password);
        fields.put("Timestamp", timestamp);
        return fields;
    }

    private Answer post(String path, Map<String, Object> body) throws IOException {
        String bearer = accessToken();
        Answer answer = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        if (answer.status() == 401) {
            // Revoked or expired early: forgotten, so that the next call fetches a new one.
            forget(bearer);
        }
        return answer;
    }

    private synchronized String accessToken() throws IOException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(token.renewAt())) {
            return token.value();
        }
        String basic = Base64.getEncoder().encodeToString((properties.consumerKey() + ":"
                + properties.consumerSecret()).getBytes(StandardCharsets.UTF_8));
        Answer answer = send(HttpRequest.newBuilder(uri(TOKEN_PATH)).header("Authorization", "Basic " + basic).GET());
        String value = answer.text("access_token");
        if (!answer.ok() || value.isEmpty()) {
            throw new IOException("Daraja refused the token request: HTTP " + answer.status());
        }
        // Daraja sends expires_in as text ("3599").
        long seconds = Long.parseLong(answer.body().path("expires_in").asString("3599").trim());
        token = new CachedToken(value, now.plusSeconds(seconds).minus(TOKEN_MARGIN));
        return value;
    }

    private synchronized void forget(String bearer) {
        if (token != null && token.value().equals(bearer)) {
            token = null;
        }
    }

    private Answer send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.timeout(properties.readTimeout()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for Daraja", interrupted);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException notJson) {
            return json.createObjectNode();
        }
    }

    private URI uri(String path) {
        return URI.create(properties.baseUrl().replaceAll("/+$", "") + path);
    }

    private record CachedToken(String value, Instant renewAt) {
    }
}
