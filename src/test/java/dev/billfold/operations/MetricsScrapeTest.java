package dev.billfold.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.gateway.WebhookMeters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus scrape as production serves it (DD-084): over real HTTP on a management port of its own (the same
 * context as {@link ManagementEndpointsTest}), never on the customer's port; the standard meters and Billfold's own
 * present; a top-up moves the payment meters; no tag value is an id.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class MetricsScrapeTest {

    private static final Pattern UUID_LIKE =
            Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** What every dashboard and alert rests on: the standard meters and every Billfold family. */
    static final Set<String> EXPECTED = Set.of("jvm_memory_used_bytes", "jvm_threads_live_threads",
            "process_cpu_usage", "tomcat_sessions_active_current_sessions", "hikaricp_connections_active",
            "http_server_requests_seconds_count", "billfold_vaadin_sessions", "billfold_vaadin_uis",
            "billfold_payments_total", "billfold_payments_amount_sum", "billfold_topup_limit_refusals_total",
            "billfold_provider_calls_seconds_count", "billfold_poller_backlog_depth",
            "billfold_poller_backlog_oldest_age_seconds", "billfold_outbox_depth", "billfold_outbox_oldest_age_seconds");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    TopUpService topUps;
    @Autowired
    TestData data;

    @SignedIn
    Customer customer;

    @Test
    void the_scrape_is_served_on_the_management_port_only_and_carries_the_standard_and_billfold_meters()
            throws Exception {
        // A request to a path with an id, so that its tag is there to check.
        HttpResponse<String> scrape = scrapeAfterRequestWithId();
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(names(scrape.body())).containsAll(Set.of("jvm_memory_used_bytes", "hikaricp_connections_active",
                "tomcat_sessions_active_current_sessions", "http_server_requests_seconds_count",
                "billfold_vaadin_sessions", "billfold_vaadin_uis", "billfold_topup_limit_refusals_total",
                "billfold_outbox_depth", "billfold_outbox_oldest_age_seconds", "billfold_poller_backlog_depth"));
        // Refused before it reaches its controller, a request is UNKNOWN; answered, it is its template. Never raw.
        assertThat(scrape.body()).containsPattern("uri=\"(/api/v1/accounts/\\{accountId}|UNKNOWN)\"")
                .doesNotContainPattern("uri=\"/api/v1/accounts/[0-9a-f]");

        HttpResponse<String> onCustomerPort = get(port, "/actuator/prometheus");
        assertThat(onCustomerPort.statusCode()).isNotEqualTo(200);
        assertThat(onCustomerPort.body()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void a_top_up_moves_the_payment_meters_and_no_tag_value_is_an_id() throws Exception {
        String credited = "billfold_payments_total{event=\"credited\",method=\"saved_method\",provider=\"demo\"}";
        String rejected = "billfold_payments_total{event=\"rejected\",method=\"saved_method\",provider=\"demo\"}";
        String created = "billfold_payments_total{event=\"created\",method=\"saved_method\",provider=\"demo\"}";
        String charges = "billfold_provider_calls_seconds_count{operation=\"chargeSavedMethod\",outcome=\"ok\","
                + "provider=\"demo\"}";
        String belowMinimum = "billfold_topup_limit_refusals_total{reason=\"below_minimum\"}";
        Map<String, Double> before = samples(get(managementPort, "/actuator/prometheus").body());

        var card = data.savedCard(customer, customer.person(), "4242", true);
        var paid = (TopUpOutcome.Completed) topUps.topUp(request("500", new MethodChoice.Saved(card)));
        assertThat(paid.status()).isEqualTo(PaymentStatus.CREDITED);
        var declining = data.savedCard(customer, customer.person(), "9995", false);
        var declined = (TopUpOutcome.Completed) topUps.topUp(request("40", new MethodChoice.Saved(declining)));
        assertThat(declined.status()).isEqualTo(PaymentStatus.REJECTED);
        try {
            topUps.topUp(request("0.01", new MethodChoice.Saved(card)));
        } catch (RuntimeException refused) {
            // below the minimum: refused, and counted by its reason
        }

        String body = scrapeAfterRequestWithId().body();
        Map<String, Double> after = samples(body);
        assertThat(after.get(created) - before.getOrDefault(created, 0.0)).isEqualTo(2.0);
        assertThat(after.get(credited) - before.getOrDefault(credited, 0.0)).isEqualTo(1.0);
        assertThat(after.get(rejected) - before.getOrDefault(rejected, 0.0)).isEqualTo(1.0);
        assertThat(after.get(charges) - before.getOrDefault(charges, 0.0)).isGreaterThanOrEqualTo(2.0);
        assertThat(after.get(belowMinimum) - before.getOrDefault(belowMinimum, 0.0)).isEqualTo(1.0);
        String amount = "billfold_payments_amount_sum{currency=\"USD\",event=\"credited\",method=\"saved_method\","
                + "provider=\"demo\"}";
        assertThat(after.get(amount) - before.getOrDefault(amount, 0.0)).isEqualTo(500.0);
        assertThat(names(body)).containsAll(EXPECTED);

        for (String value : labelValues(body)) {
            assertThat(UUID_LIKE.matcher(value).find()).as("tag value %s", value).isFalse();
        }
        assertThat(body).doesNotContain(customer.accountId().value().toString())
                .doesNotContain(paid.paymentId().value().toString()).doesNotContain(customer.username());
    }

    /**
     * The dashboard and the alert rules name only metrics the application exports, so that they cannot rot: every
     * billfold_, jvm_, hikaricp_, tomcat_ and http_ name in them is in the scrape (after a top-up, so that the
     * provider calls are there), or is the provider webhooks' counter, which only a provider that sends webhooks
     * exports.
     */
    @Test
    void the_dashboard_and_the_alerts_use_only_exported_metrics() throws Exception {
        var card = data.savedCard(customer, customer.person(), "4242", true);
        topUps.topUp(request("25", new MethodChoice.Saved(card)));
        Set<String> exported = new TreeSet<>(names(scrapeAfterRequestWithId().body()));
        exported.add(WebhookMeters.RECEIVED.replace('.', '_') + "_total");

        String dashboard = Files.readString(Path.of("docs/operations/grafana-dashboard.json"));
        JsonNode panels = JsonMapper.builder().build().readTree(dashboard).get("panels");
        StringBuilder expressions = new StringBuilder();
        panels.forEach(panel -> panel.path("targets").forEach(target ->
                expressions.append(target.get("expr").asString()).append('\n')));
        Map<String, Object> alerts = new Yaml().load(Files.readString(Path.of("docs/operations/prometheus-alerts.yml")));
        for (Object group : (List<?>) alerts.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                expressions.append(((Map<?, ?>) rule).get("expr")).append('\n');
            }
        }

        Set<String> used = new TreeSet<>();
        Matcher name = Pattern.compile("\\b((?:billfold|jvm|hikaricp|tomcat|http)_[a-z0-9_]+)").matcher(expressions);
        while (name.find()) {
            used.add(name.group(1));
        }
        assertThat(used).hasSizeGreaterThan(10);
        assertThat(exported).containsAll(used);
        assertThat(expressions).contains("up{", "probe_success");
    }

    /** A request to a path with an id, then the scrape once its timer is there (recorded after the response). */
    private HttpResponse<String> scrapeAfterRequestWithId() throws Exception {
        get(port, "/api/v1/accounts/" + UUID.randomUUID());
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
        for (int tries = 0; tries < 50 && !scrape.body().contains("http_server_requests_seconds_count{"); tries++) {
            Thread.sleep(100);
            scrape = get(managementPort, "/actuator/prometheus");
        }
        return scrape;
    }

    /** The metric names of the scrape, as Prometheus stores them (samples, not families). */
    static Set<String> names(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                names.add(sample.group(1));
            }
        }
        return names;
    }

    private static Map<String, Double> samples(String scrape) {
        Map<String, Double> samples = new java.util.HashMap<>();
        for (String line : scrape.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                        Double.parseDouble(sample.group(4)));
            }
        }
        return samples;
    }

    private static Set<String> labelValues(String scrape) {
        Set<String> values = new TreeSet<>();
        for (String line : scrape.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches() && sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    values.add(label.group(2));
                }
            }
        }
        return values;
    }

    private TopUpRequest request(String amount, MethodChoice method) {
        return new TopUpRequest(customer.person(), amount, method, false, UUID.randomUUID().toString());
    }

    private HttpResponse<String> get(int onPort, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
