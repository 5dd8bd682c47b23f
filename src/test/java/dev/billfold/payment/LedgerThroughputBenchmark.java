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
    @Autowired
    javax.sql.DataSource dataSource;

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
        System.out.println();
        System.out.println("Floor for comparison: the same statements as plain JDBC, no Spring, no mapping (not the reported figure):");
        System.out.println("| workers | credits/s raw JDBC | p95 ms |");
        System.out.println("|---|---|---|");
        for (int workers : new int[] {8, 32}) {
            Result raw = runRaw(customers, workers, PAYMENTS_PER_RUN);
            System.out.printf("| %d | %.0f | %.2f |%n", workers, raw.creditsPerSecond, raw.p95);
        }
        assertInvariant(customers);
        System.out.println("Invariant holds: one TOP_UP entry per credited payment, every cached balance equals the sum of its entries.");
    }

    private Result run(String label, List<Customer> customers, int workers, int paymentCount) throws Exception {
        Random random = new Random(42);
        List<PaymentId> ids = createWaiting(customers, paymentCount, random);
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

    /** Lock, ledger insert, balance update, payment update, commit: what one credit costs the database. */
    private Result runRaw(List<Customer> customers, int workers, int paymentCount) throws Exception {
        List<PaymentId> ids = createWaiting(customers, paymentCount, new Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long[] latencies = new long[ids.size()];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                try (var connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    var lock = connection.prepareStatement("select account_id, amount_value, status from payment where id = ? for update");
                    var entry = connection.prepareStatement("insert into ledger_entry (id, account_id, amount_value, amount_currency, kind, reference, created_at) values (?, ?, ?, 'USD', 'TOP_UP', ?, now())");
                    var balance = connection.prepareStatement("update account_balance set amount_value = amount_value + ? where account_id = ?");
                    var paid = connection.prepareStatement("update payment set status = 'CREDITED', credited_value = amount_value, credited_currency = amount_currency, exchange_rate = 1, updated_at = now(), version = version + 1 where id = ?");
                    int index;
                    while ((index = next.getAndIncrement()) < ids.size()) {
                        UUID id = ids.get(index).value();
                        long t0 = System.nanoTime();
                        lock.setObject(1, id);
                        try (var rs = lock.executeQuery()) {
                            rs.next();
                            if (rs.getString(3).equals("WAITING_FOR_PAYMENT")) {
                                entry.setObject(1, UUID.randomUUID());
                                entry.setObject(2, rs.getObject(1));
                                entry.setBigDecimal(3, rs.getBigDecimal(2));
                                entry.setString(4, "payment:" + id);
                                entry.executeUpdate();
                                balance.setBigDecimal(1, rs.getBigDecimal(2));
                                balance.setObject(2, rs.getObject(1));
                                balance.executeUpdate();
                                paid.setObject(1, id);
                                paid.executeUpdate();
                            }
                        }
                        connection.commit();
                        latencies[index] = System.nanoTime() - t0;
                    }
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
        return new Result(paymentCount, ids.size(), paymentCount / (elapsed / 1e9), percentile(latencies, 0.50),
                percentile(latencies, 0.95), percentile(latencies, 0.99));
    }

    private List<PaymentId> createWaiting(List<Customer> customers, int paymentCount, Random random) {
        List<PaymentId> ids = new ArrayList<>(paymentCount);
        Instant now = Instant.now();
        for (int i = 0; i < paymentCount; i++) {
            Customer customer = customers.get(random.nextInt(customers.size()));
            Payment payment = Payment.waiting(customer.accountId(), customer.person(), Money.of("10.00", "USD"),
                    MethodKind.CHECKOUT, "demo", null, "bench-" + UUID.randomUUID(), false, now);
            ids.add(payments.save(payment.withProviderReference("cs_bench_" + i + "_" + UUID.randomUUID(), now)).id());
        }
        return ids;
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
