package dev.billfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The production jar's probes as a load balancer or a kubelet sees them (DD-080): on the management port, readiness
 * and liveness answer UP and info names the commit it was built from; the customer's port has no actuator at all.
 */
class ProductionProbesE2E {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_production_jar_answers_its_probes_on_the_management_port_only() throws Exception {
        ProductionApp app = ProductionApp.get();
        // The sign-in page answers from the moment Tomcat starts; readiness only once start-up is done, a moment
        // later (ApplicationReadyEvent), and a load balancer waits for it the same way.
        HttpResponse<String> readiness = get(app.managementUrl() + "/actuator/health/readiness");
        for (int tries = 0; tries < 300 && readiness.statusCode() == 503; tries++) {
            Thread.sleep(100);
            readiness = get(app.managementUrl() + "/actuator/health/readiness");
        }
        assertThat(readiness).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"");
        });
        assertThat(get(app.managementUrl() + "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(app.managementUrl() + "/actuator/info").body())
                .containsPattern("\"commit\":\\{.*\"id\":\"[0-9a-f]{7,}\"");

        HttpResponse<String> onCustomerPort = get(app.baseUrl() + "/actuator/health/readiness");
        assertThat(onCustomerPort.statusCode()).isNotEqualTo(200);
        assertThat(onCustomerPort.body()).doesNotContain("\"status\"");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
