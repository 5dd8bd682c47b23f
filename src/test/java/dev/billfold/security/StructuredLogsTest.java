package dev.billfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.billfold.base.SupportReference;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Production's console format (application-production.properties) is Spring Boot's ECS JSON, and a line logged during
 * a request carries the request id, the payment id and the trace and span ids as JSON fields, not only in the message
 * (DD-083, DD-086).
 */
class StructuredLogsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void a_line_logged_in_a_request_is_json_with_request_payment_and_trace_ids_as_fields() throws Exception {
        Properties production = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application-production.properties")) {
            production.load(in);
        }
        String format = production.getProperty("logging.structured.format.console");
        assertThat(format).isEqualTo("${BILLFOLD_LOG_FORMAT:ecs}");

        LoggerContext logback = new LoggerContext();
        logback.setMDCAdapter(MDC.getMDCAdapter());
        logback.putObject(Environment.class.getName(), new MockEnvironment());
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(logback);
        encoder.setFormat("ecs");
        encoder.start();
        Logger logger = logback.getLogger("dev.billfold.payment.PaymentService");

        var request = new MockHttpServletRequest("GET", "/payment-return");
        request.addHeader(RequestIds.HEADER, "lb-7f3a9c21.0002");
        AtomicReference<String> line = new AtomicReference<>();
        new RequestIds().doFilter(request, new MockHttpServletResponse(), new MockFilterChain(
                new jakarta.servlet.http.HttpServlet() {
                }, (req, res, chain) -> {
                    // As Micrometer Tracing puts them in the MDC while the request's span is current (DD-086).
                    try (var ignored = MDC.putCloseable(SupportReference.PAYMENT_ID, "9b1e");
                         var trace = MDC.putCloseable(SupportReference.TRACE_ID, TRACE);
                         var span = MDC.putCloseable("spanId", "00f067aa0ba902b7")) {
                        var event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "Payment credited",
                                null, null);
                        line.set(new String(encoder.encode(event), StandardCharsets.UTF_8));
                    }
                }));

        JsonNode json = JsonMapper.builder().build().readTree(line.get());
        assertThat(json.path("message").asString()).isEqualTo("Payment credited");
        assertThat(json.path("requestId").asString()).isEqualTo("lb-7f3a9c21.0002");
        assertThat(json.path("paymentId").asString()).isEqualTo("9b1e");
        assertThat(json.path("traceId").asString()).isEqualTo(TRACE);
        assertThat(json.path("spanId").asString()).isEqualTo("00f067aa0ba902b7");
    }
}
