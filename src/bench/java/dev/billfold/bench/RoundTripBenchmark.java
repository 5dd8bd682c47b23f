package dev.billfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.bench.UidlProtocol.Interaction;
import io.gatling.app.Gatling$;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Server round trips of the top-up interactions under N concurrent sessions (issue 3; target: p95 ≤ 50 ms at 1,000
 * sessions, 0 errors), driven by Gatling ({@link TopUpInteractionsSimulation}) against the production jar on
 * PostgreSQL. The demo account's history is seeded with {@code bench.historyRows} extra payments so that scrolling
 * fetches real rows. Per level: ramp-up, then {@code bench.durationSeconds} measured; only actions that start in the
 * measured window count. Server CPU is utime+stime of the server process from /proc over the window, as a share of all
 * cores; the driver's (Gatling's) CPU is printed too, since it shares the machine.
 *
 * <p>Never fails on time. Fails if the set-up breaks or the errors exceed {@code bench.maxErrorShare} (default 1%) of
 * the measured actions, after printing them. Parameters: {@code -Dbench.levels=200,500,1000},
 * {@code -Dbench.durationSeconds=120}, {@code -Dbench.rampSeconds} (default N/10, at least 20),
 * {@code -Dbench.thinkMillis=5000}, {@code -Dbench.historyRows=500}.
 * Run: {@code ./mvnw -Pbench test -Dtest=RoundTripBenchmark} (all benchmarks: {@code ./mvnw -Pbench verify}).
 */
class RoundTripBenchmark {

    private static final List<Integer> LEVELS = Arrays.stream(System.getProperty("bench.levels", "200,500,1000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final int DURATION_SECONDS = Integer.getInteger("bench.durationSeconds", 120);
    private static final Integer RAMP_SECONDS = Integer.getInteger("bench.rampSeconds");
    private static final int THINK_MILLIS = Integer.getInteger("bench.thinkMillis", 5000);
    private static final int HISTORY_ROWS = Integer.getInteger("bench.historyRows", 500);
    private static final double MAX_ERROR_SHARE = Double.parseDouble(System.getProperty("bench.maxErrorShare", "0.01"));
    /** Gatling needs a moment to start its engine before the first user is injected. */
    private static final int ENGINE_START_SLACK_SECONDS = 5;

    record LevelResult(int sessions, Map<Interaction, List<Integer>> millis, Map<Interaction, Integer> errors,
                       int signInErrors, double serverCpuPercent, double driverCpuPercent, double windowSeconds,
                       int rampSeconds, List<String> sampleErrors, int gatlingStatus, List<Double> nodeCpuPercent) {
        long measured() {
            return millis.values().stream().mapToLong(List::size).sum();
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Integer::longValue).sum() + signInErrors;
        }
    }

    @Test
    void round_trips_of_the_top_up_interactions() throws Exception {
        System.setProperty("gatling.data.enableAnalytics", "false");
        List<LevelResult> results = new ArrayList<>();
        try (BenchServer server = BenchServer.start("roundtrip")) {
            server.seedHistory(HISTORY_ROWS);
            // the first run pays for the JIT of both sides and for Gatling's own start; not reported
            runLevel(server, 8, 5, 30, 200, "warm-up");
            for (int sessions : LEVELS) {
                int ramp = RAMP_SECONDS != null ? RAMP_SECONDS : Math.max(20, sessions / 10);
                LevelResult result = runLevel(server, sessions, ramp, DURATION_SECONDS, THINK_MILLIS, sessions + " sessions");
                results.add(result);
                print(List.of(result));
                assertThat(server.alive()).as("server process alive").isTrue();
            }
        }
        System.out.printf("%n### Round trips, all levels (Gatling; think time %d ms ±50%%, window %d s per level, %d history rows)%n%n",
                THINK_MILLIS, DURATION_SECONDS, HISTORY_ROWS);
        print(results);
        for (LevelResult r : results) {
            assertThat(r.measured()).as("measured actions at %d sessions", r.sessions()).isPositive();
            assertThat((double) r.errorCount()).as("errors at %d sessions (first: %s)", r.sessions(), r.sampleErrors())
                    .isLessThanOrEqualTo(MAX_ERROR_SHARE * (r.measured() + r.signInErrors()));
        }
    }

    private static LevelResult runLevel(BenchServer server, int sessions, int rampSeconds, int durationSeconds,
                                        int thinkMillis, String description) throws Exception {
        return runLevel(server.baseUrl(), List.of(server), sessions, rampSeconds, durationSeconds, thinkMillis,
                description);
    }

    /**
     * One level against {@code baseUrl} (a node, or a load balancer in front of {@code nodes}); server CPU is summed
     * over the nodes, and kept per node.
     */
    static LevelResult runLevel(String baseUrl, List<BenchServer> nodes, int sessions, int rampSeconds,
                                int durationSeconds, int thinkMillis, String description) throws Exception {
        long windowStart = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(rampSeconds + ENGINE_START_SLACK_SECONDS);
        long windowEnd = windowStart + TimeUnit.SECONDS.toMillis(durationSeconds);
        System.setProperty("bench.baseUrl", baseUrl);
        System.setProperty("bench.sessions", Integer.toString(sessions));
        System.setProperty("bench.rampSeconds", Integer.toString(rampSeconds));
        System.setProperty("bench.thinkMillis", Integer.toString(thinkMillis));
        System.setProperty("bench.historyRows", Integer.toString(HISTORY_ROWS));
        System.setProperty("bench.windowStartMillis", Long.toString(windowStart));
        System.setProperty("bench.windowEndMillis", Long.toString(windowEnd));
        TopUpInteractionsSimulation.RESULTS.clear();
        System.out.printf("bench: %s, ramp %d s, then %d s measured%n", description, rampSeconds, durationSeconds);

        try (var sampler = Executors.newSingleThreadExecutor()) {
            Future<double[]> cpu = sampler.submit(() -> {
                sleepUntil(windowStart);
                long[] nodeTicks0 = nodes.stream().mapToLong(BenchServer::cpuTicks).toArray();
                long driverCpu0 = driverCpuNanos();
                long begin = System.nanoTime();
                sleepUntil(windowEnd);
                double seconds = (System.nanoTime() - begin) / 1e9;
                int cores = Runtime.getRuntime().availableProcessors();
                // [driver, seconds, node 1, node 2, ...]: each node's CPU as a share of all cores
                double[] measured = new double[2 + nodes.size()];
                measured[0] = (driverCpuNanos() - driverCpu0) / 1e9 / seconds / cores * 100;
                measured[1] = seconds;
                for (int n = 0; n < nodes.size(); n++) {
                    measured[2 + n] = (nodes.get(n).cpuTicks() - nodeTicks0[n]) / 100.0 / seconds / cores * 100;
                }
                return measured;
            });
            int status = Gatling$.MODULE$.fromArgs(new String[] {
                    "--simulation", TopUpInteractionsSimulation.class.getName(),
                    "--results-folder", Path.of("target", "gatling").toAbsolutePath().toString(),
                    "--run-description", description,
                    "--launcher", "billfold-bench"});
            double[] measured = cpu.get(1, TimeUnit.MINUTES);
            var results = TopUpInteractionsSimulation.RESULTS;
            var errors = new java.util.EnumMap<Interaction, Integer>(Interaction.class);
            var millis = new java.util.EnumMap<Interaction, List<Integer>>(Interaction.class);
            for (Interaction i : Interaction.values()) {
                errors.put(i, results.errors.get(i).get());
                synchronized (results.millis.get(i)) {
                    millis.put(i, new ArrayList<>(results.millis.get(i)));
                }
            }
            assertThat(status).as("Gatling's exit status for %s", description).isZero();
            List<Double> nodeCpu = Arrays.stream(measured, 2, measured.length).boxed().toList();
            return new LevelResult(sessions, millis, errors, results.signInErrors.get(),
                    nodeCpu.stream().mapToDouble(Double::doubleValue).sum(), measured[0], measured[1], rampSeconds,
                    List.copyOf(results.sampleErrors), status, nodeCpu);
        }
    }

    static void print(List<LevelResult> results) {
        System.out.println();
        System.out.println("| sessions | action | measured | p50 ms | p95 ms | p99 ms | max ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (LevelResult r : results) {
            List<Integer> all = new ArrayList<>();
            for (Interaction a : Interaction.values()) {
                List<Integer> sorted = new ArrayList<>(r.millis().get(a));
                all.addAll(sorted);
                row(r.sessions(), a.label, sorted, r.errors().get(a));
            }
            row(r.sessions(), "**all actions**", all, (int) r.errorCount());
        }
        System.out.println();
        System.out.println("| sessions | ramp s | window s | actions/s | server CPU (% of " + Runtime.getRuntime().availableProcessors()
                + " cores) | driver CPU (Gatling, same machine) | sign-in errors | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (LevelResult r : results) {
            System.out.printf("| %d | %d | %.0f | %.1f | %.0f%% | %.0f%% | %d | %d |%n", r.sessions(), r.rampSeconds(),
                    r.windowSeconds(), r.measured() / r.windowSeconds(), r.serverCpuPercent(), r.driverCpuPercent(),
                    r.signInErrors(), r.errorCount());
        }
        for (LevelResult r : results) {
            if (!r.sampleErrors().isEmpty()) {
                System.out.printf("%nFirst errors at %d sessions (Gatling's report under target/gatling has the messages):%n",
                        r.sessions());
                r.sampleErrors().forEach(e -> System.out.println("- " + e));
            }
        }
        System.out.println();
    }

    private static void row(int sessions, String label, List<Integer> millis, int errors) {
        millis.sort(null);
        System.out.printf("| %d | %s | %d | %s | %s | %s | %s | %d |%n", sessions, label, millis.size(), pct(millis, 50),
                pct(millis, 95), pct(millis, 99), millis.isEmpty() ? "–" : millis.getLast().toString(), errors);
    }

    /** Nearest-rank percentile. */
    private static String pct(List<Integer> sorted, double p) {
        if (sorted.isEmpty()) {
            return "–";
        }
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))).toString();
    }

    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(Duration.ofMillis(wait));
        }
    }
}
