package dev.billfold.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.billfold.BillfoldTest;
import dev.billfold.CapturedLogs;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tracing (DD-086) over real HTTP, with an OTLP endpoint configured to a local collector (WireMock taking OTLP/HTTP's
 * protobuf POSTs at /v1/traces): a failing request's error page shows its trace id as the support reference, the same
 * id as the traceId of the ERROR line that logged it; a request's spans reach the collector under its trace id. That
 * nothing is exported without an endpoint is {@code TracingOffTest}.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
class TracingTest {

    private static final Pattern REFERENCE = Pattern.compile("Reference: ([0-9a-f]{32})");
    /** W3C traceparent: version, trace id, parent span id, flags (01: sampled). */
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    static final WireMockServer COLLECTOR = new WireMockServer(options().dynamicPort());

    static {
        COLLECTOR.start();
        COLLECTOR.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
    }

    @DynamicPropertySource
    static void collector(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> COLLECTOR.baseUrl() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop();
    }

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_error_pages_reference_is_the_trace_id_of_the_logged_error() throws Exception {
        HttpResponse<String> page = get(FailingRoute.PATH, null);

        assertThat(page.statusCode()).isEqualTo(500);
        Matcher shown = REFERENCE.matcher(page.body());
        assertThat(shown.find()).as(page.body()).isTrue();
        assertThat(page.body()).doesNotContain(FailingRoute.SECRET);
        List<String> errors = logs.events().stream()
                .filter(event -> event.startsWith("ERROR | dev.billfold.ui.ErrorPage")).toList();
        assertThat(errors).singleElement().satisfies(line -> assertThat(line)
                .contains("support reference " + shown.group(1)).contains("traceId=" + shown.group(1))
                .contains(FailingRoute.SECRET));
    }

    @Test
    void a_caller_s_trace_is_continued_and_its_spans_reach_the_collector() throws Exception {
        assertThat(context.getBeansOfType(OtlpHttpSpanExporter.class)).hasSize(1);

        HttpResponse<String> page = get(FailingRoute.PATH, TRACEPARENT);

        assertThat(page.body()).contains("Reference: " + TRACE_ID);
        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        List<LoggedRequest> exports = List.of();
        for (int tries = 0; tries < 100 && exports.stream().noneMatch(r -> contains(r.getBody(), traceId)); tries++) {
            Thread.sleep(100);
            exports = COLLECTOR.findAll(postRequestedFor(urlEqualTo("/v1/traces")));
        }
        assertThat(exports).as("an OTLP export carrying trace " + TRACE_ID)
                .anySatisfy(export -> {
                    assertThat(export.getHeader("Content-Type")).isEqualTo("application/x-protobuf");
                    assertThat(contains(export.getBody(), traceId)).isTrue();
                });
    }

    private HttpResponse<String> get(String path, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html");
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean contains(byte[] body, byte[] part) {
        for (int start = 0; start <= body.length - part.length; start++) {
            int matched = 0;
            while (matched < part.length && body[start + matched] == part[matched]) {
                matched++;
            }
            if (matched == part.length) {
                return true;
            }
        }
        return false;
    }

    /** A route that fails inside its handler, the way an unexpected bug does; under /webhooks, open without sign-in. */
    @TestConfiguration(proxyBeanMethods = false)
    @Import(FailingRoute.class)
    static class WithFailingRoute {
    }

    @RestController
    static class FailingRoute {

        static final String PATH = "/webhooks/tracing-test-failure";
        static final String SECRET = "select secret from tracing_test";

        @GetMapping(PATH)
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }
}
