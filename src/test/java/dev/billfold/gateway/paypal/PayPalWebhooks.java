package dev.billfold.gateway.paypal;

import dev.billfold.ratelimit.RateLimiter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Webhook deliveries as PayPal makes them, sent to our endpoint over real HTTP: PayPal-shaped events, and the five
 * transmission headers of a delivery sent now by the application's clock (a transmission more than five minutes off
 * ours is refused). The local PayPal vouches for {@link PayPalFake#GOOD_SIGNATURE} only.
 */
final class PayPalWebhooks {

    static final String SANDBOX_CERT_URL =
            "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270";

    private final int port;
    private final Clock clock;

    PayPalWebhooks(int port, Clock clock) {
        this.port = port;
        this.clock = clock;
    }

    /**
     * A full allowance of signature checks (DD-056) for the next test: the tests move the clock back and forth, and
     * the allowance is reckoned on it, so a test after one that ran in the future would find it used up.
     */
    static void freshAllowance(RateLimiter limiter) {
        limiter.reset(PayPalWebhookController.VERIFICATIONS);
    }

    /** The transmission headers of a delivery PayPal sends now, signed with {@code signature}. */
    Map<String, String> sentNow(String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("PAYPAL-TRANSMISSION-ID", "tx-1");
        headers.put("PAYPAL-TRANSMISSION-TIME",
                DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        headers.put("PAYPAL-TRANSMISSION-SIG", signature);
        headers.put("PAYPAL-CERT-URL", SANDBOX_CERT_URL);
        headers.put("PAYPAL-AUTH-ALGO", "SHA256withRSA");
        return headers;
    }

    HttpResponse<String> send(String event, String signature) throws Exception {
        return send(event, sentNow(signature));
    }

    HttpResponse<String> send(String event, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PayPalWebhookController.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event));
        headers.forEach(request::header);
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static String orderApproved(String eventId, String orderId, String key) {
        return """
                {"id":"%s","event_version":"1.0","create_time":"2026-11-22T06:05:00Z","resource_type":"checkout-order",
                 "resource_version":"2.0","event_type":"CHECKOUT.ORDER.APPROVED","summary":"An order has been approved by buyer",
                 "resource":{"id":"%s","intent":"CAPTURE","status":"APPROVED",
                   "purchase_units":[{"reference_id":"default","amount":{"currency_code":"USD","value":"0.01"},"custom_id":"%s"}],
                   "links":[{"href":"https://api.sandbox.paypal.com/v2/checkout/orders/%2$s","rel":"self","method":"GET"}]},
                 "links":[{"href":"https://api.sandbox.paypal.com/v1/notifications/webhooks-events/%1$s","rel":"self","method":"GET"}]}"""
                .formatted(eventId, orderId, key);
    }

    static String capture(String eventId, String type, String orderId, String key, String value) {
        return """
                {"id":"%s","event_version":"1.0","create_time":"2026-11-22T06:05:00Z","resource_type":"capture",
                 "resource_version":"2.0","event_type":"%s","summary":"Payment capture event",
                 "resource":{"id":"3C679366HH908993F","status":"%s","amount":{"currency_code":"USD","value":"%s"},
                   "final_capture":true,"custom_id":"%s","invoice_id":"%5$s",
                   "supplementary_data":{"related_ids":{"order_id":"%s"}},
                   "create_time":"2026-11-22T06:01:00Z","update_time":"2026-11-22T06:01:00Z"}}"""
                .formatted(eventId, type, type.endsWith("DENIED") ? "DECLINED" : "COMPLETED", value, key, orderId);
    }
}
