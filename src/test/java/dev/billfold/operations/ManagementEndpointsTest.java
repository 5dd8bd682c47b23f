package dev.billfold.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Actuator as production serves it (DD-080): on a management port of its own, never on the customer's port; health,
 * the two probes and info open to callers without credentials; info naming the version and the commit; readiness
 * refusing traffic once shutdown has begun (Spring publishes REFUSING_TRAFFIC when the context starts closing).
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ManagementEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    ApplicationContext context;

    @Test
    void health_and_both_probes_are_up_on_the_management_port_without_credentials() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(managementPort, path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void info_names_the_version_and_the_commit() throws Exception {
        HttpResponse<String> info = get(managementPort, "/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"build\"").contains("\"artifact\":\"billfold\"").contains("\"version\"");
        // git.properties is written by the build from the clone; a commit id is hex.
        assertThat(info.body()).containsPattern("\"git\":\\{.*\"commit\":\\{.*\"id\":\"[0-9a-f]{7,}\"");
    }

    @Test
    void the_customer_port_serves_no_actuator_endpoint() throws Exception {
        assertThat(get(port, "/actuator/health").statusCode()).isNotEqualTo(200);
        assertThat(get(port, "/actuator/health").body()).doesNotContain("\"status\":\"UP\"");
    }

    @Test
    void endpoints_other_than_health_and_info_are_not_served() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator"}) {
            HttpResponse<String> response = get(managementPort, path);
            assertThat(response.statusCode()).as(path + " " + response.headers().map()).isIn(403, 404);
            assertThat(response.body()).as(path).doesNotContain("spring.datasource");
        }
    }

    @Test
    void readiness_goes_down_when_traffic_is_refused_and_liveness_stays_up() throws Exception {
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");
            assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(int onPort, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
