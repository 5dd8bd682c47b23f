package dev.billfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Idempotent balance adjustments posted through the integration API (issue 17): {@code bench.clients} clients (8), each
 * with its own account and its own connection, post credits of 1.00 (below the approval limit, so each posts at once)
 * back to back, every one with a fresh Idempotency-Key, for {@code bench.durationSeconds} (60) after a warm-up of
 * {@code bench.warmupSeconds} (10). Each request is the whole path: key lookup, rate limit, the idempotency claim, the
 * adjustment, its ledger entry and audit entries, the stored response. Prints adjustments per second and the latency
 * percentiles; fails only if a request fails. The client rate limit is lifted for the run, since it is the server's
 * cost being measured, not the limit (6,000 a minute per client by default).
 *
 * <p>Run on a quiet host: {@code ./mvnw -Pbench test -Dtest=ApiAdjustmentsBenchmark} (bench profile). Target: at least
 * 1,000 adjustments a second at p95 ≤ 20 ms on 2 cores.
 */
class ApiAdjustmentsBenchmark {

    private static final String DEMO_KEY = "bfk_test_demoHr0op4T2abnEn5VJzBcKc7pbL72nazTFmWZnRD8";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Test
    void idempotent_adjustments_per_second_and_their_latency() throws Exception {
        int clients = Integer.getInteger("bench.clients", 8);
        int warmup = Integer.getInteger("bench.warmupSeconds", 10);
        int duration = Integer.getInteger("bench.durationSeconds", 60);
        try (BenchServer server = BenchServer.start("api-adjustments", List.of(
                "--billfold.rate-limits.api-per-client.capacity=10000000",
                "--billfold.rate-limits.api-per-client.period=PT1M"))) {
            String base = server.baseUrl() + "/api/v1";
            List<String> accounts = new ArrayList<>();
            HttpClient setup = HttpClient.newHttpClient();
            for (int i = 0; i < clients; i++) {
                HttpResponse<String> created = setup.send(post(base + "/accounts",
                        "{\"name\":\"Bench " + i + "\",\"currency\":\"USD\"}", UUID.randomUUID().toString()),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                Matcher id = ID.matcher(created.body());
                assertThat(id.find()).isTrue();
                accounts.add(id.group(1));
            }

            run(base, accounts, Duration.ofSeconds(warmup));
            long appTicks = server.cpuTicks();
            long databaseTicks = server.databaseCpuTicks();
            long started = System.nanoTime();
            long[][] latencies = run(base, accounts, Duration.ofSeconds(duration));
            double seconds = (System.nanoTime() - started) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            // Clock ticks are 1/100 s (USER_HZ); as a share of all cores over the window.
            double cpu = (server.cpuTicks() - appTicks) / 100.0 / seconds / cores;
            double databaseCpu = (server.databaseCpuTicks() - databaseTicks) / 100.0 / seconds / cores;

            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf("%n| clients | adjustments | per second | p50 ms | p95 ms | p99 ms | max ms | app CPU "
                    + "| PostgreSQL CPU |%n");
            System.out.printf("|---|---|---|---|---|---|---|---|---|%n");
            System.out.printf("| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.0f%% | %.0f%% |%n", clients,
                    all.length, all.length / seconds, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99),
                    all[all.length - 1] / 1e6, cpu * 100, databaseCpu * 100);
        }
    }

    /** Each client posts for {@code length}; returns each client's latencies in nanoseconds. */
    private static long[][] run(String base, List<String> accounts, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (String account : accounts) {
                futures.add(pool.submit(() -> client(base, account, stop)));
            }
            Thread.sleep(length.toMillis());
            stop.set(true);
            long[][] latencies = new long[futures.size()][];
            for (int i = 0; i < futures.size(); i++) {
                latencies[i] = futures.get(i).get();
            }
            return latencies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] client(String base, String account, AtomicBoolean stop) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"direction\":\"CREDIT\",\"amount\":{\"value\":\"1.00\",\"currency\":\"USD\"},"
                + "\"reason\":\"GOODWILL\",\"note\":\"Benchmark\"}";
        long[] latencies = new long[1024];
        int count = 0;
        while (!stop.get()) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(post(base + "/accounts/" + account + "/adjustments", body,
                    UUID.randomUUID().toString()), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("Adjustment answered " + answer.statusCode() + ": " + answer.body());
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = took;
        }
        return Arrays.copyOf(latencies, count);
    }

    private static HttpRequest post(String url, String body, String idempotencyKey) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + DEMO_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
