package dev.billfold.polling;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.ScriptedGateway;
import dev.billfold.paymentmethod.MethodChanges;
import dev.billfold.paymentmethod.PaymentMethodChanged;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodStatus;
import dev.billfold.paymentmethod.PendingMethodPoller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What only holds with several nodes: two application contexts on one PostgreSQL share one call rate per provider
 * (DD-039), and a method changed through one node reaches the listeners of the other (DD-040).
 */
class ClusterWideTest {

    static final int RATE = 10;
    static final Duration INTERVAL = Duration.ofMillis(1000 / RATE);

    static Nodes nodes;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoNodes() {
        nodes = new Nodes();
        Map<String, String> settings = Map.of("billfold.poller.calls-per-second", String.valueOf(RATE),
                "billfold.live-updates.interval", "PT0.2S");
        a = nodes.start(settings);
        b = nodes.start(settings);
    }

    @AfterAll
    static void stop() {
        nodes.close();
    }

    @Test
    void both_nodes_together_stay_within_the_rate_and_a_saturated_provider_does_not_hold_up_another() throws Exception {
        String busy = "busy-" + UUID.randomUUID().toString().substring(0, 8);
        String quiet = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
        int callersPerNode = 3;
        long runNanos = Duration.ofSeconds(4).toNanos();
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        List<Long> busyWaits = Collections.synchronizedList(new ArrayList<>());
        List<Long> quietWaits = Collections.synchronizedList(new ArrayList<>());
        Map<ConfigurableApplicationContext, AtomicInteger> perNode = Map.of(a, new AtomicInteger(), b, new AtomicInteger());
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];

        List<CompletableFuture<Void>> running = new ArrayList<>();
        // A thread per caller: the common pool has a single worker on a 2-core machine and would run them one by one.
        try (ExecutorService threads = Executors.newFixedThreadPool(2 * callersPerNode + 1)) {
            for (ConfigurableApplicationContext node : List.of(a, b)) {
                ProviderCallLimiter limiter = node.getBean(ProviderCallLimiter.class);
                for (int i = 0; i < callersPerNode; i++) {
                    running.add(CompletableFuture.runAsync(() -> {
                        awaitGo(go);
                        while (System.nanoTime() - start[0] < runNanos) {
                            long asked = System.nanoTime();
                            if (limiter.acquire(busy, Duration.ofSeconds(3))) {
                                long at = System.nanoTime();
                                granted.add(at);
                                busyWaits.add(at - asked);
                                perNode.get(node).incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                            }
                        }
                    }, threads));
                }
            }
            ProviderCallLimiter quietLimiter = b.getBean(ProviderCallLimiter.class);
            running.add(CompletableFuture.runAsync(() -> {
                awaitGo(go);
                while (System.nanoTime() - start[0] < runNanos) {
                    long asked = System.nanoTime();
                    assertThat(quietLimiter.acquire(quiet, Duration.ofSeconds(3))).isTrue();
                    quietWaits.add(System.nanoTime() - asked);
                    sleep(Duration.ofMillis(250));
                }
            }, threads));
            start[0] = System.nanoTime();
            go.countDown();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }

        List<Long> times = new ArrayList<>(granted);
        Collections.sort(times);
        int mostInOneSecond = 0;
        for (int i = 0; i < times.size(); i++) {
            int j = i;
            while (j < times.size() && times.get(j) - times.get(i) < TimeUnit.SECONDS.toNanos(1)) {
                j++;
            }
            mostInOneSecond = Math.max(mostInOneSecond, j - i);
        }
        // Calls are spaced one interval apart (burst of one), so a one-second window holds RATE of them. The times are
        // taken when a caller wakes, not when its slot was due, so on a loaded machine two late wakers can land in the
        // window of the next slots (seen in a clean-clone run at load 8 on two cores): RATE + 2. Two per-node limits
        // would let 2 × RATE through, which this still refuses.
        assertThat(mostInOneSecond).as("most calls granted in any one-second window, across both nodes")
                .isLessThanOrEqualTo(RATE + 2);
        long span = times.getLast() - times.getFirst();
        assertThat(times).as("calls granted over %d ms (callers that reserved before the end still call after it)",
                span / 1_000_000).hasSizeBetween(3 * RATE, (int) (span / INTERVAL.toNanos()) + 2);
        assertThat(perNode.get(a).get()).as("calls granted on node A").isPositive();
        assertThat(perNode.get(b).get()).as("calls granted on node B").isPositive();
        assertThat(refused.get()).as("refusals: the queue never grows past the callers' wait").isZero();

        // Medians, not the worst case: on a shared 2-core machine one call can be held up by a starved CPU or a GC
        // pause (392 ms was seen once in a full build), which says nothing about the other provider's queue.
        long busyMedian = median(busyWaits);
        long quietMedian = median(quietWaits);
        assertThat(Duration.ofNanos(busyMedian)).as("median wait on the saturated provider (6 callers, 100 ms apart)")
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(quietWaits).as("calls on the quiet provider, one every 250 ms for 4 s").hasSizeGreaterThanOrEqualTo(10);
        assertThat(Duration.ofNanos(quietMedian)).as("median wait on the quiet provider meanwhile")
                .isLessThan(Duration.ofMillis(100));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void a_method_confirmed_by_node_b_reaches_a_listener_on_node_a_and_every_listener_hears_of_it_once() {
        ScriptedGateway provider = ScriptedGateway.SHARED;
        provider.reset();
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        Customer customer = new TestData(jdbc).newCustomer("USD");
        String setup = "seti_live_" + UUID.randomUUID();
        UUID method = new PollerFixtures(jdbc).pendingMethod(customer, customer.person(), ScriptedGateway.ID, setup, Instant.now());
        provider.confirmSetup(setup, "pm_live_" + UUID.randomUUID());

        List<PaymentMethodChanged> onA = new CopyOnWriteArrayList<>();
        List<PaymentMethodChanged> onB = new CopyOnWriteArrayList<>();
        MethodChanges.Subscription pageOnA = a.getBean(MethodChanges.class).subscribe(customer.person(), onA::add);
        MethodChanges.Subscription pageOnB = b.getBean(MethodChanges.class).subscribe(customer.person(), onB::add);
        try {
            b.getBean(PendingMethodPoller.class).runCycle();

            var confirmed = new PaymentMethodChanged(new PaymentMethodId(method), customer.person(), PaymentMethodStatus.CONFIRMED);
            assertThat(onB).as("the node that made the change, right after its commit").containsExactly(confirmed);
            Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(onA).containsExactly(confirmed));
            // Several more looks (every 200 ms) on both nodes: nobody is told twice.
            sleep(Duration.ofSeconds(1));
            assertThat(onA).containsExactly(confirmed);
            assertThat(onB).containsExactly(confirmed);
        } finally {
            pageOnA.cancel();
            pageOnB.cancel();
        }
    }

    private static void awaitGo(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
