package dev.billfold.bench;

import dev.billfold.Application;
import dev.billfold.PostgresTestConfig;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.ScriptedGateway;
import dev.billfold.paymentmethod.PendingMethodPoller;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pending methods checked per minute by one node, and by two nodes at once, against a provider that takes 50 ms per
 * answer, on PostgreSQL. The provider's rate limit is lifted here to show what the claiming and settling cost; with
 * the default limit (5 calls/s per provider and node) a node checks at most 300 items a minute per provider. Prints
 * figures; never fails on time. Run: {@code ./mvnw -Pbench test -Dtest=PollerBenchmark} (bench profile).
 *
 * <p>It uses the poller's public API only ({@link PendingMethodPoller#runCycle()}): a node is a whole application
 * context started here with the settings of the poller tests' nodes ({@code polling.Nodes}), and the pending methods are
 * rows as an earlier "add a method" left them (the insert of {@code polling.PollerFixtures#pendingMethod}).
 */
class PollerBenchmark {

    static final int ITEMS_PER_NODE = 400;

    @Test
    void pending_methods_checked_per_minute_by_one_and_by_two_nodes() throws Exception {
        ScriptedGateway provider = ScriptedGateway.SHARED;
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            ConfigurableApplicationContext a = startNode(started);
            measure("warm-up, 1 node", List.of(a), 100, provider);
            measure("1 node", List.of(a), ITEMS_PER_NODE, provider);
            ConfigurableApplicationContext b = startNode(started);
            measure("2 nodes", List.of(a, b), 2 * ITEMS_PER_NODE, provider);
        } finally {
            started.forEach(ConfigurableApplicationContext::close);
        }
    }

    /**
     * One node: its own Spring context, connection pool and poller on the one embedded PostgreSQL, talking to the one
     * scripted provider; scheduled polling off (the benchmark runs the cycles), the call rate lifted.
     */
    private static ConfigurableApplicationContext startNode(List<ConfigurableApplicationContext> started) {
        // Arguments, not default properties: application.properties would win over those (server.port=8080).
        ConfigurableApplicationContext node = new SpringApplicationBuilder(Application.class, PostgresTestConfig.class,
                ScriptedGateway.Config.class).run(
                "--server.port=0",
                "--billfold.poller.enabled=false",
                "--billfold.renewals.cron=-",
                "--billfold.poller.calls-per-second=100000",
                "--billfold.poller.provider-budget=PT5M",
                "--spring.main.banner-mode=off",
                "--logging.level.dev.billfold=WARN");
        started.add(node);
        return node;
    }

    private static void measure(String name, List<ConfigurableApplicationContext> nodes, int items, ScriptedGateway provider)
            throws Exception {
        provider.reset();
        JdbcClient jdbc = nodes.getFirst().getBean(JdbcClient.class);
        // Earlier pending rows (other runs) are moved out of the way, so that only this run's items are due.
        jdbc.sql("update payment_method set status = 'FAILED' where status = 'PENDING'").update();
        TestData data = new TestData(jdbc);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            customers.add(data.newCustomer("USD"));
        }
        Instant created = Instant.now();
        for (int i = 0; i < items; i++) {
            Customer customer = customers.get(i % customers.size());
            String setup = "seti_bench_" + i + "_" + UUID.randomUUID();
            pendingMethod(jdbc, customer, ScriptedGateway.ID, setup, created);
            if (i % 2 == 0) {
                provider.confirmSetup(setup, "pm_bench_" + UUID.randomUUID());
            }
        }
        provider.latency(Duration.ofMillis(50), false);

        long start = System.nanoTime();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        // A thread per node: the common pool has a single worker on a 2-core machine and would run the nodes in turn.
        try (ExecutorService threads = Executors.newFixedThreadPool(nodes.size())) {
            for (ConfigurableApplicationContext node : nodes) {
                running.add(CompletableFuture.runAsync(() -> node.getBean(PendingMethodPoller.class).runCycle(), threads));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int asked = provider.allQuestions().values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum();
        System.out.printf("%-16s %5d items asked in %6.1f s = %7.0f items/minute (provider latency 50 ms)%n",
                name, asked, seconds, asked / seconds * 60);
    }

    /** A method the customer started adding at {@code provider}, for the customer's person payer, waiting to be confirmed. */
    private static void pendingMethod(JdbcClient jdbc, Customer customer, String provider, String setupReference,
                                      Instant createdAt) {
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, expires_on, failure_reason, created_at, checked_at, setup_reference, version)
                        values (?, ?, ?, ?, null, 'New card (waiting for confirmation)', 'PENDING', false, null, null, ?, null, ?, 0)""")
                .params(UUID.randomUUID(), customer.accountId().value(), customer.person().value(), provider,
                        createdAt.atOffset(ZoneOffset.UTC), setupReference)
                .update();
    }
}
