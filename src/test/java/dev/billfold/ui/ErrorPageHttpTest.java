package dev.billfold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import dev.billfold.gateway.WithLocalProviders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP: Spring's /error is {@link ErrorPage}, not the whitelabel page, open without sign-in, and every answer carries its
 * X-Request-Id. The provider tests' context (a real port), so no context of its own.
 */
@WithLocalProviders
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ErrorPageHttpTest {

    @LocalServerPort
    int port;

    @Test
    void the_error_path_is_ours_open_to_anyone_and_asked_for_directly_logs_nothing(CapturedOutput output)
            throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/error")).header("Accept", "application/json")
                        .header("X-Request-Id", "test-error-page-0001").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("test-error-page-0001");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).doesNotContain("reference").doesNotContain("trace");
        assertThat(output.getOut()).doesNotContain("support reference");
    }
}
