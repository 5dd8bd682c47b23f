package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.PostgresTestConfig;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Confirmed payments credited per second through the settlement service (the path the return, webhooks and the
 * poller share) on PostgreSQL, with 10% duplicate confirmations racing the originals. Prints figures; never fails on
 * time. Fails only if the money invariant breaks. Run: {@code ./mvnw -Pbench verify} or
 * {@code ./mvnw -o test -Dtest=LedgerThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(properties = "logging.level.dev.billfold=WARN")
@Import(PostgresTestConfig.class)
class LedgerThroughputBenchmark {

    private static final int ACCOUNTS = 200;
    private static final int PAYMENTS_PER_RUN = 12_000;
    private static final double DUPLICATE_SHARE = 0.10;

    @Autowired
    PaymentSettlement settlement;
    @Autowired
    PaymentRepository payments;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void credits_per_second_at_8_and_32_workers() throws Exception {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            customers.add(data.newCustomer("USD"));
        }
        run("warm-up", customers, 8, 2_000);
        System.out.println();
        System.out.println("| workers | payments | confirmations (10% duplicates) | credits/s | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int workers : new int[] {8, 32}) {
            Result result = run("measured", customers, workers, PAYMENTS_PER_RUN);
            System.out.printf("| %d | %d | %d | %.0f | %.2f | %.2f | %.2f |%n", workers, result.payments, result.confirmations,
                    result.creditsPerSecond, result.p50, result.p95, result.p99);
        }
        assertInvariant(customers);
        System.out.println("Invariant holds: one TOP_UP entry per credited payment, every cached balance equals the sum of its entries.");
    }

    private Result run(String label, List<Customer> customers, int workers, int paymentCount) throws Exception {
        List<PaymentId> ids = new ArrayList<>(paymentCount);
        Random random = new Random(42);
        Instant now = Instant.now();
        for (int i = 0; i < paymentCount; i++) {
            Customer customer = customers.get(random.nextInt(customers.size()));
            Payment payment = Payment.waiting(customer.accountId(), customer.person(), Money.of("10.00", "USD"),
                    MethodKind.CHECKOUT, "demo", null, "bench-" + UUID.randomUUID(), false, now);
            ids.add(payments.save(payment.withProviderReference("cs_bench_" + i + "_" + UUID.randomUUID(), now)).id());
        }
        List<PaymentId> confirmations = new ArrayList<>(ids);
        for (int i = 0; i < paymentCount * DUPLICATE_SHARE; i++) {
            confirmations.add(ids.get(random.nextInt(ids.size())));
        }
        Collections.shuffle(confirmations, random);

        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long[] latencies = new long[confirmations.size()];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                int index;
                while ((index = next.getAndIncrement()) < confirmations.size()) {
                    PaymentId id = confirmations.get(index);
                    long t0 = System.nanoTime();
                    settlement.apply(id, GatewayResult.succeeded("ref", Money.of("10.00", "USD"), null));
                    latencies[index] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(10, TimeUnit.MINUTES);
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        Arrays.sort(latencies);
        double seconds = elapsed / 1e9;
        return new Result(paymentCount, confirmations.size(), paymentCount / seconds, percentile(latencies, 0.50),
                percentile(latencies, 0.95), percentile(latencies, 0.99));
    }

    private void assertInvariant(List<Customer> customers) {
        int credited = jdbc.sql("select count(*) from payment where idempotency_key like 'bench-%' and status = 'CREDITED'")
                .query(Integer.class).single();
        int waiting = jdbc.sql("select count(*) from payment where idempotency_key like 'bench-%' and status <> 'CREDITED'")
                .query(Integer.class).single();
        int entries = jdbc.sql("""
                        select count(*) from ledger_entry e join payment p on e.reference = 'payment:' || cast(p.id as varchar)
                        where p.idempotency_key like 'bench-%'""")
                .query(Integer.class).single();
        assertThat(waiting).isZero();
        assertThat(entries).isEqualTo(credited);
        for (Customer customer : customers) {
            assertThat(data.balance(customer.accountId())).isEqualByComparingTo(data.sumOfEntries(customer.accountId()));
        }
    }

    private static double percentile(long[] sortedNanos, double p) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return Duration.ofNanos(sortedNanos[Math.max(index, 0)]).toNanos() / 1e6;
    }

    private record Result(int payments, int confirmations, double creditsPerSecond, double p50, double p95, double p99) {
    }
}
