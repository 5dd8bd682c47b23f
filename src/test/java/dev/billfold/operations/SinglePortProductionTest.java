package dev.billfold.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Production with actuator on the customer's port (MANAGEMENT_SERVER_PORT set empty, or to the same port as PORT:
 * Spring Boot calls both SAME): only what DD-080 opens is served there, health with its probes and info; the
 * Prometheus scrape (DD-084) and every other endpoint are refused with 403, so the business counts never reach a
 * customer. Its own in-memory database, and Vaadin in development mode, as in {@code ProductionOidcOnlyTest}.
 */
@ActiveProfiles("production")
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=",
        "spring.datasource.url=jdbc:h2:mem:production-single-port;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH",
        "spring.datasource.username=sa", "spring.datasource.password=", "vaadin.productionMode=false",
        "billfold.invoice.recipient-name=Production Test Ltd.", "billfold.invoice.recipient-bank-details=Bank: Test",
        "billfold.seller.legal-name=Production Test Ltd.", "billfold.seller.address=1 Test Street", "billfold.seller.country=GB",
        "spring.mail.host=127.0.0.1", "billfold.mail.from=billing@provider.test",
        "billfold.mail.public-url=https://portal.test/"})
class SinglePortProductionTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void the_same_port_as_the_server_and_an_unset_management_port_are_both_the_single_port() {
        assertThat(ManagementPortType.get(new MockEnvironment().withProperty("server.port", "8080")
                .withProperty("management.server.port", "8080"))).isEqualTo(ManagementPortType.SAME);
        assertThat(ManagementPortType.get(new MockEnvironment().withProperty("server.port", "8080")))
                .isEqualTo(ManagementPortType.SAME);
    }

    @Test
    void on_the_single_port_the_scrape_and_every_other_endpoint_are_refused() throws Exception {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/beans",
                "/actuator/heapdump", "/actuator/loggers", "/actuator", "/actuator/no-such-endpoint")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.body()).as(path).doesNotContain("billfold_").doesNotContain("jvm_")
                    .doesNotContain("spring.datasource");
        }
    }

    @Test
    void health_its_probes_and_info_stay_open_for_the_load_balancer() throws Exception {
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
        // The whole health is served too; here it is DOWN (503), since no SMTP server runs for the mail indicator.
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).containsPattern("\"status\":\"(UP|DOWN)\"");
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
