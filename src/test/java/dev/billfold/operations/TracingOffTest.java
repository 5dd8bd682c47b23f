package dev.billfold.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import dev.billfold.base.SupportReference;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Without BILLFOLD_OTLP_ENDPOINT (the embedded default, and every test context but {@link TracingTest}'s) there is
 * no exporter, so nothing is ever sent or attempted; requests still get trace ids for the logs (DD-086).
 */
@BillfoldTest
class TracingOffTest {

    @Autowired
    ApplicationContext context;

    @Test
    void without_an_endpoint_there_is_no_exporter_but_spans_still_have_trace_ids() {
        assertThat(context.getEnvironment().getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("false");
        // The tracer's batch processor hands spans to the SpanExporter beans, and there are none.
        assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();

        Tracer tracer = context.getBean(Tracer.class);
        var span = tracer.nextSpan().name("tracing-off-test").start();
        try (var ignored = tracer.withSpan(span)) {
            assertThat(span.context().traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            assertThat(MDC.get(SupportReference.TRACE_ID)).isEqualTo(span.context().traceId());
        } finally {
            span.end();
        }
    }
}
