package dev.billfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.PostgresTestConfig;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.payment.Quote;
import dev.billfold.payment.QuoteService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Quotes per second through {@link QuoteService#quote} (issue 19, DD-093) on PostgreSQL, with the rate cache warm: a
 * KZT account pays in UZS at the demo's fixed rates, the amount typed on either side in turn. Each quote is the whole
 * service path: the member's access, the pay currencies, the conversion, the limits, the day's usage and the stored
 * row, in one transaction. Beside it, the floor: the same row inserted with plain JDBC, one commit each, no Spring.
 * Each worker is a member of its own account (as sessions are), signed in on its thread.
 *
 * <p>Prints figures and the ratio to the floor; never fails on time, only if a quote is not stored. Parameters:
 * {@code -Dbench.quotes=10000} per run, {@code -Dbench.warmup=2000}. Run:
 * {@code ./mvnw -o test -Dtest=QuoteBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (or {@code -Pbench verify}).
 */
@SpringBootTest(properties = "logging.level.dev.billfold=WARN")
@Import(PostgresTestConfig.class)
class QuoteBenchmark {

    private static final int QUOTES = Integer.getInteger("bench.quotes", 10_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 2_000);
    private static final int[] WORKERS = {1, 4};
    private static final Currency UZS = Currency.getInstance("UZS");

    @Autowired
    QuoteService quotes;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void quotes_per_second_through_the_service_against_a_plain_jdbc_insert_of_the_same_row() throws Exception {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < Arrays.stream(WORKERS).max().orElseThrow(); i++) {
            customers.add(data.newCustomer("KZT", "OWNER", "KZ"));
        }
        int before = storedQuotes();
        Result warmUp = throughService(customers, 2, WARM_UP);
        Quote template = warmUp.last();

        System.out.println();
        System.out.println("| workers | quotes | service quotes/s | p50 ms | p95 ms | p99 ms | plain JDBC rows/s "
                + "| p95 ms | service / floor |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        int measured = 0;
        for (int workers : WORKERS) {
            Result service = throughService(customers, workers, QUOTES);
            Result floor = plainInserts(template, workers, QUOTES);
            measured += 2 * QUOTES;
            System.out.printf("| %d | %d | %.0f | %.2f | %.2f | %.2f | %.0f | %.2f | %.2f |%n", workers, QUOTES,
                    service.perSecond(), service.p50(), service.p95(), service.p99(), floor.perSecond(), floor.p95(),
                    service.perSecond() / floor.perSecond());
        }
        assertThat(storedQuotes() - before).as("every quote and every floor row stored")
                .isEqualTo(WARM_UP + measured);
    }

    private Result throughService(List<Customer> customers, int workers, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Quote[] last = new Quote[1];
        return timed(workers, count, next, worker -> {
            Customer customer = customers.get(worker);
            TestData.signIn(customer.username());
            return index -> {
                // 10,000.00 KZT credited, or the 275,345.75 UZS that pays for it: both sides of the same price.
                Quote quote = index % 2 == 0
                        ? quotes.quote(customer.accountId(), UZS, "10000", QuoteService.Typed.CREDITED_AMOUNT)
                        : quotes.quote(customer.accountId(), UZS, "275345.75", QuoteService.Typed.PAY_AMOUNT);
                last[0] = quote;
            };
        }, () -> last[0]);
    }

    /** The floor: only the row, on one connection per worker, committed per row as the service's transaction is. */
    private Result plainInserts(Quote template, int workers, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Connection> connections = new ArrayList<>();
        try {
            return timed(workers, count, next, worker -> {
                Connection connection = dataSource.getConnection();
                synchronized (connections) {
                    connections.add(connection);
                }
                PreparedStatement insert = connection.prepareStatement("""
                        insert into payment_quote (id, account_id, pay_value, pay_currency, credited_value,
                                                   credited_currency, rate, mid_rate, spread_percent, rate_source,
                                                   rate_date, rate_fetched_at, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                return index -> {
                    Instant now = Instant.now();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, template.accountId().value());
                    insert.setBigDecimal(3, template.pay().value());
                    insert.setString(4, template.pay().currencyCode());
                    insert.setBigDecimal(5, template.credited().value());
                    insert.setString(6, template.credited().currencyCode());
                    insert.setBigDecimal(7, template.rate());
                    insert.setBigDecimal(8, template.midRate());
                    insert.setBigDecimal(9, template.spreadPercent());
                    insert.setString(10, template.rateSource());
                    insert.setObject(11, template.rateDate());
                    insert.setTimestamp(12, Timestamp.from(template.rateFetchedAt()));
                    insert.setTimestamp(13, Timestamp.from(now));
                    insert.setTimestamp(14, Timestamp.from(now.plus(Duration.ofMinutes(15))));
                    insert.executeUpdate();
                };
            }, () -> template);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static Result timed(int workers, int count, AtomicInteger next, Worker worker, LastQuote last)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long[] latencies = new long[count];
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            int id = w;
            futures.add(pool.submit(() -> {
                Step step = worker.start(id);
                int index;
                while ((index = next.getAndIncrement()) < count) {
                    long t0 = System.nanoTime();
                    step.run(index);
                    latencies[index] = System.nanoTime() - t0;
                }
                TestData.signOut();
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(10, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(count / seconds, percentile(latencies, 0.50), percentile(latencies, 0.95),
                percentile(latencies, 0.99), last.get());
    }

    private int storedQuotes() {
        return jdbc.sql("select count(*) from payment_quote").query(Integer.class).single();
    }

    private static double percentile(long[] sortedNanos, double p) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(index, 0)] / 1e6;
    }

    /** What one worker does per index, after setting itself up on its own thread. */
    private interface Worker {
        Step start(int worker) throws Exception;
    }

    private interface Step {
        void run(int index) throws Exception;
    }

    private interface LastQuote {
        Quote get();
    }

    private record Result(double perSecond, double p50, double p95, double p99, Quote last) {
    }
}
