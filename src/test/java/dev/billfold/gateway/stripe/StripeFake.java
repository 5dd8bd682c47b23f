package dev.billfold.gateway.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for Stripe's API, for the real SDK to talk to: form-encoded requests in, JSON shaped like Stripe's
 * objects out. One server per test JVM; tests reset it before each case. Also signs webhook payloads with Stripe's
 * scheme ({@code t=<unix time>,v1=<hex HMAC-SHA256 of "t.payload">}), computed here rather than by the SDK so that the
 * SDK's verification is really tested.
 */
public final class StripeFake {

    public static final String WEBHOOK_SECRET = "whsec_test_billfold";

    private static WireMockServer server;

    private StripeFake() {
    }

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return "http://localhost:" + server().port();
    }

    static String id(String prefix) {
        return prefix + "_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    // --- stubs ---

    static void customerCreated(String customerId) {
        server().stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(json(200, """
                {"id":"%s","object":"customer","name":"Pat Person","metadata":{}}""".formatted(customerId))));
    }

    static void sessionCreated(String sessionId, String mode) {
        server().stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json(200, """
                {"id":"%s","object":"checkout.session","mode":"%s","status":"open","payment_status":"unpaid",
                 "url":"https://checkout.stripe.com/c/pay/%s","metadata":{}}""".formatted(sessionId, mode, sessionId))));
    }

    static void sessionRetrieved(String sessionJson) {
        String id = sessionJson.replaceAll("(?s).*?\"id\":\"(cs_[^\"]+)\".*", "$1");
        server().stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + id)).willReturn(json(200, sessionJson)));
    }

    static void paymentMethodRetrieved(String paymentMethodId, String last4) {
        server().stubFor(get(urlPathEqualTo("/v1/payment_methods/" + paymentMethodId))
                .willReturn(json(200, paymentMethod(paymentMethodId, last4))));
    }

    static void paymentIntentCreated(String intentJson) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(json(200, intentJson)));
    }

    static void paymentIntentFails(int status, String errorJson) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(json(status, errorJson)));
    }

    /** The first attempt gets a 500, the next one the intent: the SDK's own retry. */
    static void paymentIntentFailsOnceThen(String intentJson) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(json(500, error("api_error", null, null, "Something went wrong on Stripe's end."))));
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(json(200, intentJson)));
    }

    /** The connection drops before Stripe's answer arrives: whether Stripe charged is unknown to us. */
    static void paymentIntentConnectionReset() {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    }

    static void paymentIntentRetrieved(String intentJson) {
        String id = intentJson.replaceAll("(?s).*?\"id\":\"(pi_[^\"]+)\".*", "$1");
        server().stubFor(get(urlPathEqualTo("/v1/payment_intents/" + id)).willReturn(json(200, intentJson)));
    }

    static List<LoggedRequest> gets(String path) {
        return server().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(path)));
    }

    static void paymentIntentAnswersAfter(int delayMillis, String intentJson) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(json(200, intentJson).withFixedDelay(delayMillis)));
    }

    /** {@code GET /v1/payment_intents/{id}}: the intent as it stands now. */
    static void paymentIntentIs(String intentId, String intentJson) {
        server().stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intentId)).willReturn(json(200, intentJson)));
    }

    /** {@code POST /v1/payment_intents/{id}/confirm}: Stripe's answer to confirming it again. */
    static void paymentIntentConfirmed(String intentId, String intentJson) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intentId + "/confirm")).willReturn(json(200, intentJson)));
    }

    static void paymentIntentConfirmFails(String intentId, int status, String errorJson) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intentId + "/confirm")).willReturn(json(status, errorJson)));
    }

    /** {@code POST /v1/payment_intents/{id}/cancel}: Stripe canceled it and answers with the canceled intent. */
    static void paymentIntentCanceled(String intentId, String intentJson) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intentId + "/cancel")).willReturn(json(200, intentJson)));
    }

    /** Stripe refuses the cancel, e.g. 400 {@code payment_intent_unexpected_state} for an intent that succeeded. */
    static void paymentIntentCancelFails(String intentId, int status, String errorJson) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intentId + "/cancel")).willReturn(json(status, errorJson)));
    }

    /** Stripe has no such PaymentIntent: cancel and read both answer 404 {@code resource_missing}. */
    static void paymentIntentMissing(String intentId) {
        String missing = error("invalid_request_error", "resource_missing", null,
                "No such payment_intent: '" + intentId + "'");
        paymentIntentCancelFails(intentId, 404, missing);
        server().stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intentId)).willReturn(json(404, missing)));
    }

    /** The connection drops before Stripe's answer to the cancel arrives. */
    static void paymentIntentCancelConnectionReset(String intentId) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intentId + "/cancel"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Stripe's refusal to cancel an intent that is no longer cancelable, naming the intent as it is. */
    static String unexpectedStateError(String intentJson) {
        return """
                {"error":{"type":"invalid_request_error","code":"payment_intent_unexpected_state",
                 "message":"You cannot cancel this PaymentIntent because it has a status of succeeded.",
                 "payment_intent":%s}}""".formatted(intentJson);
    }

    /** The first attempt answers after {@code delayMillis} (past the client's read timeout), the retry at once. */
    static void paymentIntentTimesOutOnceThen(int delayMillis, String intentJson) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fast")
                .willReturn(json(200, intentJson).withFixedDelay(delayMillis)));
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("slow")
                .whenScenarioStateIs("fast").willReturn(json(200, intentJson)));
    }

    /** A PaymentIntent's {@code next_action} sending the customer to their bank, then back to {@code returnUrl}. */
    static String redirectToUrl(String url, String returnUrl) {
        return """
                "next_action":{"type":"redirect_to_url","redirect_to_url":{"url":"%s","return_url":"%s"}}"""
                .formatted(url, returnUrl).strip();
    }

    /** An off-session attempt that the bank wants authenticated, as the PaymentIntent records it. */
    static String authenticationRequiredError() {
        return """
                "last_payment_error":{"type":"card_error","code":"authentication_required","decline_code":"authentication_required",
                 "message":"Your card was declined. This transaction requires authentication."}""".strip();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + UUID.randomUUID().toString().substring(0, 8)).withBody(body);
    }

    // --- what the SDK sent ---

    static List<LoggedRequest> posts(String path) {
        return server().findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    // --- Stripe-shaped objects ---

    static String paymentMethod(String id, String last4) {
        return """
                {"id":"%s","object":"payment_method","type":"card","customer":null,
                 "card":{"brand":"visa","display_brand":"visa","last4":"%s","exp_month":12,"exp_year":2029,"funding":"credit","country":"US",
                  "fingerprint":"fp_card_%s"}}"""
                .formatted(id, last4, last4);
    }

    static String paymentIntent(String id, String status, long amount, String currency, String key, String flow,
                                String paymentMethod, String extra) {
        return """
                {"id":"%s","object":"payment_intent","status":"%s","amount":%d,"amount_received":%d,"currency":"%s",
                 "customer":"cus_x","payment_method":%s,"metadata":{"billfold_key":"%s","billfold_flow":"%s"}%s}"""
                .formatted(id, status, amount, "succeeded".equals(status) ? amount : 0, currency, paymentMethod, key, flow,
                        extra.isEmpty() ? "" : "," + extra);
    }

    static String session(String id, String mode, String status, String paymentStatus, long amountTotal, String currency,
                          String key, boolean save, String paymentIntent) {
        return """
                {"id":"%s","object":"checkout.session","mode":"%s","status":"%s","payment_status":"%s",
                 "amount_total":%d,"currency":"%s","customer":"cus_x","url":null,
                 "metadata":{"billfold_key":"%s","billfold_flow":"checkout","billfold_save":"%s"},
                 "payment_intent":%s}""".formatted(id, mode, status, paymentStatus, amountTotal, currency, key, save,
                paymentIntent);
    }

    static String error(String type, String code, String declineCode, String message) {
        return """
                {"error":{"type":"%s","code":%s,"decline_code":%s,"message":"%s"}}""".formatted(type, quoted(code),
                quoted(declineCode), message);
    }

    static String cardError(String code, String declineCode, String intentJson) {
        return """
                {"error":{"type":"card_error","code":"%s","decline_code":%s,"message":"Declined by the test bank.",
                 "payment_intent":%s}}""".formatted(code, quoted(declineCode), intentJson);
    }

    static String event(String eventId, String type, String objectJson) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s","data":{"object":%s}}"""
                .formatted(eventId, Stripe.API_VERSION, Instant.now().getEpochSecond(), type, objectJson);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    // --- webhook signatures ---

    static String sign(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String payload) {
        return sign(payload, WEBHOOK_SECRET, Instant.now().getEpochSecond());
    }
}
