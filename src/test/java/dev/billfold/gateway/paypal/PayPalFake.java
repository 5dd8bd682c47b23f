package dev.billfold.gateway.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A local PayPal speaking the REST API the SDK calls: OAuth token, Orders v2 create/get/capture and
 * verify-webhook-signature, with response bodies shaped like PayPal's documented examples. Each test scripts what
 * PayPal answers next ("the capture declines", "the order is still waiting for the payer", "the first capture is a
 * 500") and reads back what the SDK sent. The browser tests use it too, with its stand-in for PayPal's approval page.
 */
public final class PayPalFake {

    static final String GOOD_SIGNATURE = "valid-signature-from-paypal";
    static final String PAYER_EMAIL = "alice@example.com";

    private static PayPalFake shared;

    private String vaultId = "8kk8451t";
    private final WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(60));

    /** The one fake the test contexts with the local providers talk to, started on first use; tests reset it. */
    public static synchronized PayPalFake shared() {
        if (shared == null) {
            shared = new PayPalFake();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public PayPalFake() {
        server.start();
        reset();
        // The first request to a fresh server is slow; warm it up so it never counts against the SDK's timeouts.
        try (HttpClient client = HttpClient.newHttpClient()) {
            client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/oauth2/token")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException("The PayPal fake did not start", e);
        }
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** The vault id PayPal gives the next saved wallet; a new one per test, as PayPal's ids never repeat. */
    String vaultId() {
        return vaultId;
    }

    public void reset() {
        vaultId = "8kk" + Long.toString(System.nanoTime(), 36);
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/v1/oauth2/token")).willReturn(json(200, """
                {"scope":"https://uri.paypal.com/services/payments/payment/authcapture openid",
                 "access_token":"A21AAFEpH4PsADK7qSS7pSRsgzfENtu-Q1ysgEDVDESseMHBYXVJYE8ovjj68elIDy8nF26AwPhfXTIeWAZHSLIsQkSYz9ifg",
                 "token_type":"Bearer","app_id":"APP-80W284485P519543T","expires_in":31668,"nonce":"2020-04-03T15:35:36ZaYZlGvEkV4yVSz8g6bAKFoGSEzuy3CQcz3ljhibkOHg"}""")));
        server.stubFor(post(urlPathEqualTo("/v1/notifications/verify-webhook-signature")).atPriority(10)
                .willReturn(json(200, "{\"verification_status\":\"FAILURE\"}")));
        server.stubFor(post(urlPathEqualTo("/v1/notifications/verify-webhook-signature")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.transmission_sig", equalTo(GOOD_SIGNATURE)))
                .withRequestBody(matchingJsonPath("$.webhook_id", equalTo("WH-TEST-1")))
                .withRequestBody(matchingJsonPath("$.webhook_event.id"))
                .willReturn(json(200, "{\"verification_status\":\"SUCCESS\"}")));
    }

    /** Each signature check takes PayPal {@code delay} to answer; it still vouches for the good signature only. */
    void verificationTakes(Duration delay) {
        server.stubFor(post(urlPathEqualTo("/v1/notifications/verify-webhook-signature")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.transmission_sig", equalTo(GOOD_SIGNATURE)))
                .withRequestBody(matchingJsonPath("$.webhook_id", equalTo("WH-TEST-1")))
                .withRequestBody(matchingJsonPath("$.webhook_event.id"))
                .willReturn(json(200, "{\"verification_status\":\"SUCCESS\"}").withFixedDelay((int) delay.toMillis())));
    }

    public void stop() {
        server.stop();
    }

    /**
     * Spring arguments that switch PayPal on in an app and point it at this fake, which stands in for PayPal's sandbox
     * (a showroom refuses PRODUCTION credentials).
     */
    public List<String> appArguments(String publicUrl) {
        return List.of("--billfold.gateway.paypal.client-id=e2e-client-id",
                "--billfold.gateway.paypal.environment=SANDBOX",
                "--billfold.gateway.paypal.client-secret=e2e-client-secret",
                "--billfold.gateway.paypal.webhook-id=WH-TEST-1",
                "--billfold.gateway.paypal.public-url=" + publicUrl,
                "--billfold.gateway.paypal.api-base-url=" + baseUrl());
    }

    /** PayPal's approval page, reduced to what matters: a "Pay Now" link. */
    public String servesApprovalPage(String orderId) {
        server.stubFor(get(urlPathEqualTo("/checkoutnow")).withQueryParam("token", equalTo(orderId)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody("""
                        <!DOCTYPE html><html lang="en"><head><title>PayPal Checkout (local fake)</title></head>
                        <body><h1>PayPal</h1><p>Order %1$s</p><a id="approve" href="/approve?token=%1$s">Pay Now</a></body></html>"""
                        .formatted(orderId))));
        return baseUrl() + "/checkoutnow?token=" + orderId;
    }

    /** The customer approves: PayPal sends the browser to the order's return URL. */
    public void approvalReturnsTo(String orderId, String returnUrl) {
        server.stubFor(get(urlPathEqualTo("/approve")).withQueryParam("token", equalTo(orderId))
                .willReturn(aResponse().withStatus(302).withHeader("Location", returnUrl)));
    }

    // --- what PayPal answers ---

    /** The next order PayPal creates gets this id and waits for the payer at PayPal. */
    void createsOrder(String orderId) {
        createsOrder(orderId, "https://www.sandbox.paypal.com/checkoutnow?token=" + orderId);
    }

    /** As {@link #createsOrder(String)}, sending the payer to the given approval page. */
    public void createsOrder(String orderId, String payerActionUrl) {
        server.stubFor(post(urlPathEqualTo("/v2/checkout/orders")).willReturn(json(200, """
                {"id":"%1$s","status":"PAYER_ACTION_REQUIRED","payment_source":{"paypal":{}},
                 "links":[{"href":"https://api.sandbox.paypal.com/v2/checkout/orders/%1$s","rel":"self","method":"GET"},
                          {"href":"%2$s","rel":"payer-action","method":"GET"}]}"""
                .formatted(orderId, payerActionUrl))));
    }

    /** A vaulted wallet is charged at once: the created order comes back completed. */
    void createsCompletedOrder(String orderId, String key, String value, String currency) {
        server.stubFor(post(urlPathEqualTo("/v2/checkout/orders")).willReturn(json(201, completed(orderId, key, value, currency, "COMPLETED", false))));
    }

    void createOrderResponds(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo("/v2/checkout/orders")).willReturn(response));
    }

    /** A vaulted charge's order comes back in {@code status} (APPROVED: it still needs its capture). */
    void createsOrderIn(String orderId, String status, String key, String value) {
        server.stubFor(post(urlPathEqualTo("/v2/checkout/orders")).willReturn(json(201, order(orderId, status, key, value))));
    }

    public void orderIs(String orderId, String status, String key, String value) {
        server.stubFor(get(urlPathEqualTo("/v2/checkout/orders/" + orderId)).willReturn(json(200, order(orderId, status, key, value))));
    }

    /** As {@link #orderIs}, each answer {@code delayMillis} late. */
    void orderIsSlowly(String orderId, String status, String key, String value, int delayMillis) {
        getOrderResponds(orderId, json(200, order(orderId, status, key, value)).withFixedDelay(delayMillis));
    }

    private static String order(String orderId, String status, String key, String value) {
        return """
                {"id":"%s","intent":"CAPTURE","status":"%s",
                 "payment_source":{"paypal":{"email_address":"%s","account_id":"QYR5Z8XDVJNXQ","account_status":"VERIFIED",
                   "name":{"given_name":"Alice","surname":"Doe"}}},
                 "purchase_units":[{"reference_id":"default","amount":{"currency_code":"USD","value":"%s"},
                   "payee":{"email_address":"merchant@example.com","merchant_id":"C7CYMKZDG8D6E"},
                   "custom_id":"%s","invoice_id":"%s"}],
                 "payer":{"name":{"given_name":"Alice","surname":"Doe"},"email_address":"%3$s","payer_id":"QYR5Z8XDVJNXQ"},
                 "create_time":"2026-11-22T06:00:00Z",
                 "links":[{"href":"https://api.sandbox.paypal.com/v2/checkout/orders/%1$s","rel":"self","method":"GET"}]}"""
                .formatted(orderId, status, PAYER_EMAIL, value, key, key);
    }

    void orderIsCompleted(String orderId, String key, String value, String captureStatus) {
        server.stubFor(get(urlPathEqualTo("/v2/checkout/orders/" + orderId))
                .willReturn(json(200, completed(orderId, key, value, "USD", captureStatus, true))));
    }

    /** Paid on PayPal's page by card (guest checkout): the payment source is the card, with its BIN's country. */
    void orderIsCompletedByCard(String orderId, String key, String value, String binCountry) {
        String card = """
                "payment_source":{"card":{"name":"Alice Doe","last_digits":"0009","brand":"VISA","type":"CREDIT",
                  "bin_details":{"bin":"400000","bin_country_code":"%s"}}},""".formatted(binCountry);
        String byCard = completed(orderId, key, value, "USD", "COMPLETED", false)
                .replaceFirst("(?s)\"payment_source\":\\{\"paypal\":\\{.*?\"surname\":\"Doe\"\\}\\}\\},",
                        java.util.regex.Matcher.quoteReplacement(card));
        if (byCard.contains("\"paypal\":{")) {
            throw new IllegalStateException("the wallet payment source was not replaced by the card");
        }
        server.stubFor(get(urlPathEqualTo("/v2/checkout/orders/" + orderId)).willReturn(json(200, byCard)));
    }

    void orderIsCompletedAndVaulted(String orderId, String key, String value) {
        server.stubFor(get(urlPathEqualTo("/v2/checkout/orders/" + orderId))
                .willReturn(json(200, completed(orderId, key, value, "USD", "COMPLETED", true))));
    }

    void getOrderResponds(String orderId, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/v2/checkout/orders/" + orderId)).willReturn(response));
    }

    public void captures(String orderId, String key, String value, String currency, String captureStatus, boolean vaulted) {
        server.stubFor(capture(orderId).willReturn(json(201, completed(orderId, key, value, currency, captureStatus, vaulted))));
    }

    void captureResponds(String orderId, ResponseDefinitionBuilder response) {
        server.stubFor(capture(orderId).willReturn(response));
    }

    /** The first capture fails with a 500, the next one goes through. */
    void captureFailsOnceThenCaptures(String orderId, String key, String value) {
        server.stubFor(capture(orderId).inScenario("capture " + orderId).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(500, """
                        {"name":"INTERNAL_SERVER_ERROR","message":"An internal server error occurred.","debug_id":"90957fca61718","links":[]}"""))
                .willSetStateTo("recovered"));
        server.stubFor(capture(orderId).inScenario("capture " + orderId).whenScenarioStateIs("recovered")
                .willReturn(json(201, completed(orderId, key, value, "USD", "COMPLETED", false))));
    }

    // --- refunds Billfold starts (DD-071) ---

    /** {@code POST /v2/payments/captures/{id}/refund} answers with the refund in {@code status}. */
    void refundsCapture(String captureId, String refundId, String status, String value) {
        server.stubFor(post(urlPathEqualTo("/v2/payments/captures/" + captureId + "/refund")).willReturn(json(201, """
                {"id":"%1$s","status":"%2$s","amount":{"currency_code":"USD","value":"%3$s"},
                 "create_time":"2026-11-22T07:00:00Z","update_time":"2026-11-22T07:00:00Z",
                 "links":[{"href":"https://api.sandbox.paypal.com/v2/payments/refunds/%1$s","rel":"self","method":"GET"}]}"""
                .formatted(refundId, status, value))));
    }

    void refundCaptureResponds(String captureId, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo("/v2/payments/captures/" + captureId + "/refund")).willReturn(response));
    }

    List<LoggedRequest> refundsOfCapture(String captureId) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v2/payments/captures/" + captureId + "/refund")));
    }

    static ResponseDefinitionBuilder unprocessable(String issue, String description) {
        return json(422, """
                {"name":"UNPROCESSABLE_ENTITY","details":[{"issue":"%s","description":"%s"}],
                 "message":"The requested action could not be performed, semantically incorrect, or failed business validation.",
                 "debug_id":"c9a75b43fc807","links":[{"href":"https://developer.paypal.com/api/rest/reference/orders/v2/errors/#%1$s","rel":"information_link","method":"GET"}]}"""
                .formatted(issue, description));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static MappingBuilder capture(String orderId) {
        return post(urlPathEqualTo("/v2/checkout/orders/" + orderId + "/capture"));
    }

    private String completed(String orderId, String key, String value, String currency, String captureStatus, boolean vaulted) {
        String vault = vaulted ? """
                ,"attributes":{"vault":{"id":"%s","status":"VAULTED","customer":{"id":"wxj1234"},
                  "links":[{"href":"https://api.sandbox.paypal.com/v3/vault/payment-tokens/%1$s","rel":"self","method":"GET"}]}}"""
                .formatted(vaultId) : "";
        String details = captureStatus.equals("PENDING") ? ",\"status_details\":{\"reason\":\"PENDING_REVIEW\"}" : "";
        return """
                {"id":"%s","intent":"CAPTURE","status":"COMPLETED",
                 "payment_source":{"paypal":{"email_address":"%s","account_id":"QYR5Z8XDVJNXQ","account_status":"VERIFIED",
                   "name":{"given_name":"Alice","surname":"Doe"}%s}},
                 "purchase_units":[{"reference_id":"default","custom_id":"%s","invoice_id":"%4$s",
                   "payments":{"captures":[{"id":"3C679366HH908993F","status":"%s"%s,
                     "amount":{"currency_code":"%s","value":"%s"},"final_capture":true,"custom_id":"%4$s","invoice_id":"%4$s",
                     "seller_protection":{"status":"ELIGIBLE","dispute_categories":["ITEM_NOT_RECEIVED","UNAUTHORIZED_TRANSACTION"]},
                     "create_time":"2026-11-22T06:01:00Z","update_time":"2026-11-22T06:01:00Z"}]}}],
                 "payer":{"name":{"given_name":"Alice","surname":"Doe"},"email_address":"%2$s","payer_id":"QYR5Z8XDVJNXQ"},
                 "links":[{"href":"https://api.sandbox.paypal.com/v2/checkout/orders/%1$s","rel":"self","method":"GET"}]}"""
                .formatted(orderId, PAYER_EMAIL, vault, key, captureStatus, details, currency, value);
    }

    // --- what the SDK sent ---

    /** {@code DELETE /v3/vault/payment-tokens/{id}} answers with {@code status} (204 deleted, 404 unknown, 5xx failing). */
    void vaultTokenDeletion(String tokenId, int status) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/v3/vault/payment-tokens/" + tokenId))
                .willReturn(status == 204 ? aResponse().withStatus(204)
                        : json(status, "{\"name\":\"RESOURCE_NOT_FOUND\",\"message\":\"gone\",\"debug_id\":\"d1\"}")));
    }

    List<LoggedRequest> vaultTokenDeletions(String tokenId) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                urlPathEqualTo("/v3/vault/payment-tokens/" + tokenId)));
    }

    public List<LoggedRequest> creates() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v2/checkout/orders")));
    }

    public List<LoggedRequest> capturesOf(String orderId) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v2/checkout/orders/" + orderId + "/capture")));
    }

    List<LoggedRequest> getsOf(String orderId) {
        return server.findAll(getRequestedFor(urlPathEqualTo("/v2/checkout/orders/" + orderId)));
    }

    List<LoggedRequest> verifications() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/notifications/verify-webhook-signature")));
    }

    // --- money going back (DD-070) ---

    /** {@code GET /v2/payments/refunds/{id}}: the refund as PayPal has it now, belonging to {@code captureId}. */
    void refundIs(String refundId, String captureId, String status, String value) {
        server.stubFor(get(urlPathEqualTo("/v2/payments/refunds/" + refundId)).willReturn(json(200, """
                {"id":"%1$s","status":"%3$s","amount":{"currency_code":"USD","value":"%4$s"},
                 "create_time":"2026-11-22T07:00:00Z","update_time":"2026-11-22T07:00:00Z",
                 "links":[{"href":"https://api.sandbox.paypal.com/v2/payments/refunds/%1$s","rel":"self","method":"GET"},
                          {"href":"https://api.sandbox.paypal.com/v2/payments/captures/%2$s","rel":"up","method":"GET"}]}"""
                .formatted(refundId, captureId, status, value))));
    }

    /** {@code GET /v2/payments/captures/{id}}: a capture of our order, carrying our payment key. */
    void captureIs(String captureId, String orderId, String key, String value) {
        server.stubFor(get(urlPathEqualTo("/v2/payments/captures/" + captureId)).willReturn(json(200, """
                {"id":"%s","status":"PARTIALLY_REFUNDED","amount":{"currency_code":"USD","value":"%s"},
                 "final_capture":true,"custom_id":"%s","invoice_id":"%3$s",
                 "supplementary_data":{"related_ids":{"order_id":"%s"}}}""".formatted(captureId, value, key, orderId))));
    }

    List<LoggedRequest> refundReads() {
        return server.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                "/v2/payments/refunds/.*")));
    }
}
