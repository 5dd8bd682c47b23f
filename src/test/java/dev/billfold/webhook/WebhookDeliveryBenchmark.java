package dev.billfold.webhook;

import dev.billfold.Application;
import dev.billfold.PostgresTestConfig;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentSettled;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.staff.StaffRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook deliveries per second to a local receiver, and the end-to-end lag from the change (the event's timestamp,
 * taken in the change's transaction) to the receiver's arrival, on one node on PostgreSQL (DD-075). Two phases:
 * <ol>
 *   <li><b>live</b>: eight producers commit one declined payment's event each per transaction, as the settlement
 *       publishes them, over 20 accounts; the deliveries go the real way (after the commit, on the sender pool, and
 *       the scheduled claim for anything left). Its rate is bounded by how fast the changes commit.</li>
 *   <li><b>backlog</b>: the same number of deliveries left waiting (as a receiver outage or a restart leaves them),
 *       then drained by the claim ({@link WebhookDelivery#runDue}): the delivery side alone.</li>
 * </ol>
 * Prints figures; never fails on time. Run: {@code ./mvnw -Pbench test -Dtest=WebhookDeliveryBenchmark}, with
 * {@code -Dbillfold.bench.webhooks=N} for N deliveries a phase (default 2,000).
 */
class WebhookDeliveryBenchmark {

    static final int EVENTS = Integer.getInteger("billfold.bench.webhooks", 2_000);
    static final int PRODUCERS = 8;
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    @Test
    void webhook_deliveries_per_second_and_end_to_end_lag() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             ConfigurableApplicationContext node = startNode()) {
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            TestData data = new TestData(jdbc);
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                customers.add(data.newCustomer("USD"));
            }
            TestData.signIn(data.newStaffUser(), List.of(StaffRole.ADMIN));
            node.getBean(WebhookEndpoints.class).create(new EndpointDraft(receiver.url("/bench"), "Benchmark",
                    List.of(EventType.PAYMENT_REJECTED)));
            TestData.signOut();

            run(node, customers, receiver, "/bench", 200, "warm-up");
            run(node, customers, receiver, "/bench", EVENTS, "live");
            backlog(node, customers, receiver, "/bench", EVENTS);
        }
    }

    private static void backlog(ConfigurableApplicationContext node, List<Customer> customers, WebhookReceiver receiver,
                                String path, int events) {
        int before = receiver.at(path).size();
        WebhookOutbox outbox = node.getBean(WebhookOutbox.class);
        // Recorded outside a transaction: rows and publications as a stop right after the commit leaves them.
        for (int i = 0; i < events; i++) {
            outbox.record(EventType.PAYMENT_REJECTED, customers.get(i % customers.size()).accountId(),
                    "bench:" + UUID.randomUUID(), data -> data.put("note", "backlog"));
        }
        long start = System.nanoTime();
        int tried = node.getBean(WebhookDelivery.class).runDue();
        double seconds = (System.nanoTime() - start) / 1e9;
        WebhookReceiver.waitFor(() -> receiver.at(path).size() >= before + events, events + " backlog deliveries");
        System.out.printf("%-9s %6d deliveries claimed and sent in %5.1f s = %6.0f/s (%d tried)%n", "backlog", events,
                seconds, events / seconds, tried);
    }

    private static void run(ConfigurableApplicationContext node, List<Customer> customers, WebhookReceiver receiver,
                            String path, int events, String name) throws Exception {
        int before = receiver.at(path).size();
        TransactionTemplate transactions = node.getBean(TransactionTemplate.class);
        ApplicationEventPublisher publisher = node;
        long start = System.nanoTime();
        try (ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                running.add(producers.submit(() -> {
                    for (int i = producer; i < events; i += PRODUCERS) {
                        Customer customer = customers.get(i % customers.size());
                        transactions.executeWithoutResult(status -> publisher.publishEvent(new PaymentSettled(
                                new PaymentId(UUID.randomUUID()), customer.accountId(), "bench",
                                PaymentStatus.REJECTED, "Declined")));
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        double producing = (System.nanoTime() - start) / 1e9;
        // What a full sender pool left for the claim, as the (here switched off) trigger would take it.
        node.getBean(WebhookDelivery.class).runDue();
        WebhookReceiver.waitFor(() -> receiver.at(path).size() >= before + events, events + " deliveries");
        double delivering = (System.nanoTime() - start) / 1e9;
        List<WebhookReceiver.Received> received = receiver.at(path).subList(before, before + events);
        long[] lags = received.stream().mapToLong(request -> {
            Matcher timestamp = TIMESTAMP.matcher(request.body());
            if (!timestamp.find()) {
                throw new AssertionError("No timestamp in " + request.body());
            }
            return Duration.between(Instant.parse(timestamp.group(1)), request.at()).toMillis();
        }).sorted().toArray();
        System.out.printf("%-9s %6d deliveries: produced in %5.1f s, all delivered after %5.1f s = %6.0f/s;"
                        + " lag p50 %5d ms, p99 %5d ms, max %5d ms%n", name, events, producing, delivering,
                events / delivering, lags[lags.length / 2], lags[(int) Math.ceil(lags.length * 0.99) - 1],
                lags[lags.length - 1]);
    }

    private static ConfigurableApplicationContext startNode() {
        return new SpringApplicationBuilder(Application.class, PostgresTestConfig.class).run(
                "--server.port=0",
                "--billfold.poller.enabled=false",
                "--billfold.renewals.cron=-",
                "--billfold.outbox.retry-cron=-",
                // The claims run by hand here, so that the backlog is one until it is drained.
                "--billfold.webhooks.delivery-cron=-",
                "--billfold.webhooks.allow-private-targets=true",
                "--spring.main.banner-mode=off",
                "--logging.level.dev.billfold=WARN");
    }
}
