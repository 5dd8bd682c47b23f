package dev.billfold.gateway.paypal;

import com.paypal.sdk.PaypalServerSdkClient;
import com.paypal.sdk.exceptions.ApiException;
import com.paypal.sdk.models.OAuthToken;
import java.io.IOException;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks PayPal whether a webhook really came from it (POST /v1/notifications/verify-webhook-signature). The SDK does
 * not cover this call, so it goes over the SDK's OkHttp client with a token from the SDK's client-credentials flow.
 * The event is passed on byte for byte as received: re-serialising it could change what PayPal signed.
 */
class PayPalWebhookVerifier {

    static final String TRANSMISSION_ID = "PAYPAL-TRANSMISSION-ID";
    static final String TRANSMISSION_TIME = "PAYPAL-TRANSMISSION-TIME";
    static final String TRANSMISSION_SIG = "PAYPAL-TRANSMISSION-SIG";
    static final String CERT_URL = "PAYPAL-CERT-URL";
    static final String AUTH_ALGO = "PAYPAL-AUTH-ALGO";
    private static final MediaType JSON = MediaType.get("application/json");

    private final PaypalServerSdkClient client;
    private final OkHttpClient http;
    private final PayPalProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private @Nullable OAuthToken token;

    PayPalWebhookVerifier(PaypalServerSdkClient client, OkHttpClient http, PayPalProperties properties) {
        this.client = client;
        this.http = http;
        this.properties = properties;
    }

    /**
     * True only when PayPal answers SUCCESS. Missing transmission headers are a forgery without asking.
     *
     * @throws IOException when PayPal could not be asked; the sender should retry later
     */
    boolean verify(Map<String, String> headers, String rawEvent) throws IOException {
        ObjectNode body = json.createObjectNode();
        for (var field : Map.of("auth_algo", AUTH_ALGO, "cert_url", CERT_URL, "transmission_id", TRANSMISSION_ID,
                "transmission_sig", TRANSMISSION_SIG, "transmission_time", TRANSMISSION_TIME).entrySet()) {
            String value = headers.get(field.getValue());
            if (value == null || value.isBlank()) {
                return false;
            }
            body.put(field.getKey(), value);
        }
        body.put("webhook_id", properties.webhookId());
        String fields = json.writeValueAsString(body);
        String payload = fields.substring(0, fields.length() - 1) + ",\"webhook_event\":" + rawEvent + "}";
        Request request = new Request.Builder()
                .url(client.getBaseUri() + "/v1/notifications/verify-webhook-signature")
                .header("Authorization", "Bearer " + accessToken())
                .post(RequestBody.create(payload, JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() >= 500 || response.code() == 401 || response.code() == 429) {
                // Our side or PayPal's is not able to judge right now; not a verdict on the event.
                if (response.code() == 401) {
                    forgetToken();
                }
                throw new IOException("PayPal could not verify the webhook now: HTTP " + response.code());
            }
            if (!response.isSuccessful()) {
                return false;
            }
            JsonNode verdict = json.readTree(response.body().string());
            return "SUCCESS".equals(verdict.path("verification_status").asString(""));
        }
    }

    private synchronized String accessToken() throws IOException {
        try {
            if (token == null || client.getClientCredentialsAuth().isTokenExpired(token)) {
                token = client.getClientCredentialsAuth().fetchToken();
            }
            return token.getAccessToken();
        } catch (ApiException e) {
            throw new IOException("PayPal refused an access token: HTTP " + e.getResponseCode(), e);
        }
    }

    private synchronized void forgetToken() {
        token = null;
    }
}
