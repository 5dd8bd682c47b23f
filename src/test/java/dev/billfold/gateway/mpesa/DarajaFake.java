package dev.billfold.gateway.mpesa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;

/**
 * A local Daraja: the OAuth token (basic auth), the STK push and the STK query, with bodies shaped like Safaricom's
 * documented examples. Each test scripts what Daraja answers next ("the push is accepted as ws_CO_...", "the query
 * says 1032", "the query is still processing", "the push times out") and reads back what was sent. One server per
 * test JVM ({@link #shared()}); tests reset it.
 */
public final class DarajaFake {

    static final String CONSUMER_KEY = "test-consumer-key";
    static final String CONSUMER_SECRET = "test-consumer-secret";
    static final String SHORTCODE = "174379";
    static final String PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    static final String TOKEN = "c9SQxWWhmdVRlyh0zh8gZDTkubVF";

    private static DarajaFake shared;

    private final WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(40));

    public static synchronized DarajaFake shared() {
        if (shared == null) {
            shared = new DarajaFake();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.server::stop));
        }
        return shared;
    }

    private DarajaFake() {
        server.start();
        reset();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    void reset() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/oauth/v1/generate")).willReturn(json(200, """
                {"access_token":"%s","expires_in":"3599"}""".formatted(TOKEN))));
        // Unscripted queries: still processing, as Daraja says while the prompt is open.
        server.stubFor(post(urlPathEqualTo(DarajaClient.QUERY_PATH)).atPriority(10).willReturn(stillProcessing()));
    }

    /** The next pushes are accepted and named {@code checkoutRequestId}. */
    void acceptsPush(String checkoutRequestId) {
        server.stubFor(post(urlPathEqualTo(DarajaClient.PUSH_PATH)).willReturn(json(200, """
                {"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"%s","ResponseCode":"0",
                 "ResponseDescription":"Success. Request accepted for processing",
                 "CustomerMessage":"Success. Request accepted for processing"}""".formatted(checkoutRequestId))));
    }

    void pushAnswers(ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlPathEqualTo(DarajaClient.PUSH_PATH)).willReturn(answer));
    }

    /** The query about {@code checkoutRequestId} answers this final result code. */
    void queryAnswers(String checkoutRequestId, String resultCode) {
        queryAnswers(checkoutRequestId, json(200, """
                {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successsfully",
                 "MerchantRequestID":"22205-34066-1","CheckoutRequestID":"%s","ResultCode":"%s",
                 "ResultDesc":"Result %s"}""".formatted(checkoutRequestId, resultCode, resultCode)));
    }

    void queryAnswers(String checkoutRequestId, ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlPathEqualTo(DarajaClient.QUERY_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.CheckoutRequestID", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(checkoutRequestId)))
                .willReturn(answer));
    }

    static ResponseDefinitionBuilder stillProcessing() {
        return json(500, """
                {"requestId":"16813-1590513-1","errorCode":"500.001.1001",
                 "errorMessage":"The transaction is being processed"}""");
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    List<LoggedRequest> pushes() {
        return server.findAll(postRequestedFor(urlPathEqualTo(DarajaClient.PUSH_PATH)));
    }

    List<LoggedRequest> queries(String checkoutRequestId) {
        return server.findAll(postRequestedFor(urlPathEqualTo(DarajaClient.QUERY_PATH))
                .withRequestBody(matchingJsonPath("$.CheckoutRequestID",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(checkoutRequestId))));
    }

    List<LoggedRequest> tokenRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo("/oauth/v1/generate")));
    }

    /** The callback path the last push gave Safaricom: {@code /webhooks/mpesa/<token>}. */
    String lastCallbackPath() {
        List<LoggedRequest> pushes = pushes();
        String body = pushes.getLast().getBodyAsString();
        String url = body.replaceAll(".*\"CallBackURL\":\"([^\"]+)\".*", "$1");
        return URI.create(url).getPath();
    }
}
