package dev.billfold.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the default {@code ${BILLFOLD_OTLP_ENDPOINT:false}} rests on (DD-086): Spring Boot makes the OTLP exporter for
 * an endpoint that is set, none for {@code false}, and refuses to start on an empty one, so that an upgrade of Boot
 * that changes any of this fails here rather than in production.
 */
class TracingExportSwitchTest {

    private static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtlpTracingAutoConfiguration.class));

    @Test
    void an_endpoint_gets_the_exporter_and_false_gets_none() {
        context.withPropertyValues(ENDPOINT + "=http://127.0.0.1:4318/v1/traces")
                .run(started -> assertThat(started).hasSingleBean(OtlpHttpSpanExporter.class));
        context.withPropertyValues(ENDPOINT + "=false")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(OtlpHttpSpanExporter.class));
    }

    @Test
    void an_empty_endpoint_refuses_to_start_saying_what_an_endpoint_must_be() {
        context.withPropertyValues(ENDPOINT + "=").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("Invalid endpoint, must start with http:// or https://"));
    }
}
