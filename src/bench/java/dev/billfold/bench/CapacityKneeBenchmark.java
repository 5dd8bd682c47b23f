package dev.billfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.app.Gatling$;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * How many concurrent sessions one node serves at p95 ≤ 50 ms with no errors (the knee), for Billfold and, in the same
 * run, for a bare Vaadin route with one button ({@code bare.BareRouteApplication}, same jar libraries, same node
 * settings); the ratio of the two knees is what Billfold's own work costs. Goal: at least 3,000 sessions per node for
 * Billfold.
 *
 * <p>Each app gets its own fresh server and one Gatling run, a {@link Staircase}: {@code bench.knee.stepSessions} new
 * sessions per step (default 1,000), every earlier session going on, each doing one action every
 * {@code bench.thinkMillis} (5 s ±50%) and Vaadin's heartbeat every {@code bench.knee.heartbeatSeconds}. Billfold's
 * sessions sign in and cycle through the round-trip benchmark's five actions ({@link TopUpJourney}); the bare route's
 * click their button. A step is its ramp ({@code bench.knee.rampSeconds}, default stepSessions/10 s, the round-trip
 * benchmark's sign-in rate), a settle ({@code bench.knee.settleSeconds}, 10) and the measured window
 * ({@code bench.knee.windowSeconds}, 60). A step passes when the actions that started in its window have p95 ≤
 * {@code bench.knee.p95Millis} (50) and nothing failed from its start to the end of its window (sign-ins, UIs, actions,
 * heartbeats; a request over {@code bench.knee.requestTimeoutSeconds}, 10, fails). The run stops by itself after the
 * first step that does not pass, or after {@code bench.knee.maxSessions} (10,000); the longest run is therefore
 * maxSessions/stepSessions steps of ramp + settle + window.
 *
 * <p>Per step it prints sessions, p50/p95/p99/max, errors, actions/s against the offered rate, and CPU over the window
 * as a share of all cores: the server process (utime+stime from /proc/&lt;pid&gt;/stat), Billfold's PostgreSQL (the
 * postmaster and its children; the bare app has none), the load generator (this JVM's process CPU time, which is
 * Gatling's), and the whole machine (/proc/stat), whose rest is what else ran. A load generator near a full core, or a
 * busy rest, means the figure is not the server's alone.
 *
 * <p>Each server first gets {@code bench.knee.warmUpSeconds} (30; 0 for none) of 8 sessions at one action per 200 ms,
 * not reported, as the round-trip benchmark does. {@code bench.knee.apps=billfold,bare} chooses the apps;
 * {@code bench.serverJvmArgs} and {@code bench.knee.serverArgs} (Spring arguments) apply to both servers alike.
 *
 * <p>Never fails on time or on the knee; fails only if the set-up breaks (a server does not start, the production jar
 * holds benchmark classes, no action was measured). Run: {@code ./mvnw -Pbench test -Dtest=CapacityKneeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CapacityKneeBenchmark {

    private static final int STEP = Integer.getInteger("bench.knee.stepSessions", 1000);
    private static final int MAX_SESSIONS = Integer.getInteger("bench.knee.maxSessions", 10_000);
    private static final int RAMP_SECONDS = Integer.getInteger("bench.knee.rampSeconds", Math.max(20, STEP / 10));
    private static final int SETTLE_SECONDS = Integer.getInteger("bench.knee.settleSeconds", 10);
    private static final int WINDOW_SECONDS = Integer.getInteger("bench.knee.windowSeconds", 60);
    private static final int P95_MILLIS = Integer.getInteger("bench.knee.p95Millis", 50);
    private static final int REQUEST_TIMEOUT_SECONDS = Integer.getInteger("bench.knee.requestTimeoutSeconds", 10);
    /** Vaadin's default heartbeat interval; Flow closes a UI that missed three. */
    private static final int HEARTBEAT_SECONDS = Integer.getInteger("bench.knee.heartbeatSeconds", 300);
    /** Before the steps, on each fresh server: 8 sessions, one action every 200 ms, not reported (the JIT of both sides). */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.knee.warmUpSeconds", 30);
    private static final int THINK_MILLIS = Integer.getInteger("bench.thinkMillis", 5000);
    private static final int HISTORY_ROWS = Integer.getInteger("bench.historyRows", 500);
    private static final List<String> APPS = Arrays.stream(System.getProperty("bench.knee.apps", "billfold,bare").split(","))
            .map(String::trim).filter(a -> !a.isEmpty()).toList();
    /** More Spring arguments for both servers, e.g. {@code --server.tomcat.max-connections=20000}; none by default. */
    private static final List<String> SERVER_ARGS = Arrays.stream(System.getProperty("bench.knee.serverArgs", "").trim().split("\\s+"))
            .filter(a -> !a.isEmpty()).toList();
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** What one step measured. CPU figures are % of all cores over the window; -1 where there is nothing to measure. */
    record StepResult(int sessions, Map<String, List<Integer>> millis, int errorsInWindow, int errorsOutsideWindow,
                      List<String> sampleErrors, double windowSeconds, double serverCpu, double databaseCpu,
                      double driverCpu, double machineCpu, long serverRssKb, boolean passed, String verdict) {

        List<Integer> all() {
            List<Integer> all = new ArrayList<>();
            millis.values().forEach(all::addAll);
            all.sort(null);
            return all;
        }

        int errors() {
            return errorsInWindow + errorsOutsideWindow;
        }

        double othersCpu() {
            return Math.max(0, machineCpu - serverCpu - Math.max(0, databaseCpu) - driverCpu);
        }
    }

    record AppResult(String app, List<StepResult> steps, String stopReason, int maxSessions) {

        /** The most sessions of a step that passed, with every step before it passing too; 0 if the first broke. */
        int knee() {
            int knee = 0;
            for (StepResult step : steps) {
                if (!step.passed()) {
                    break;
                }
                knee = step.sessions();
            }
            return knee;
        }

        boolean brokeWithin() {
            return steps.stream().anyMatch(s -> !s.passed());
        }

        String kneeText() {
            int knee = knee();
            if (!brokeWithin()) {
                return "≥ " + fmt(knee) + " (no step broke up to the maximum of " + fmt(maxSessions) + ")";
            }
            return knee == 0 ? "< " + fmt(steps.getFirst().sessions()) : fmt(knee);
        }
    }

    @Test
    void sessions_per_node_at_p95_50_ms_for_billfold_and_for_a_bare_route() throws Exception {
        System.setProperty("gatling.data.enableAnalytics", "false");
        System.out.printf("%n### Capacity knee, %s, %d cores, JDK %s, load average before: %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), CORES, System.getProperty("java.version"), loadAverage());
        System.out.printf("steps of %,d sessions up to %,d; per step ramp %d s, settle %d s, window %d s; think %d ms ±50%%;"
                        + " pass: p95 ≤ %d ms and 0 errors (request time-out %d s); heartbeat every %d s%n", STEP,
                MAX_SESSIONS, RAMP_SECONDS, SETTLE_SECONDS, WINDOW_SECONDS, THINK_MILLIS, P95_MILLIS,
                REQUEST_TIMEOUT_SECONDS, HEARTBEAT_SECONDS);

        List<AppResult> results = new ArrayList<>();
        for (String app : APPS) {
            switch (app) {
                case "billfold" -> {
                    try (BenchServer server = BenchServer.start("knee-billfold", SERVER_ARGS)) {
                        server.seedHistory(HISTORY_ROWS);
                        TopUpStaircaseSimulation.RUN = new TopUpStaircaseSimulation.Run(warmUp(), server.baseUrl(), HISTORY_ROWS);
                        warmUp("Billfold", TopUpStaircaseSimulation.RUN.staircase(), TopUpStaircaseSimulation.class);
                        Staircase stairs = staircase();
                        TopUpStaircaseSimulation.RUN = new TopUpStaircaseSimulation.Run(stairs, server.baseUrl(), HISTORY_ROWS);
                        results.add(climb("Billfold", stairs, TopUpStaircaseSimulation.class, server::alive, server.pid(),
                                server::databaseCpuTicks));
                    } finally {
                        TopUpStaircaseSimulation.RUN = null;
                    }
                }
                case "bare" -> {
                    try (BareRouteServer server = BareRouteServer.start("bench-knee-bare", BenchServer.serverJvmArgs(), SERVER_ARGS)) {
                        BareRouteStaircaseSimulation.RUN = new BareRouteStaircaseSimulation.Run(warmUp(), server.baseUrl());
                        warmUp("bare route", BareRouteStaircaseSimulation.RUN.staircase(), BareRouteStaircaseSimulation.class);
                        Staircase stairs = staircase();
                        BareRouteStaircaseSimulation.RUN = new BareRouteStaircaseSimulation.Run(stairs, server.baseUrl());
                        results.add(climb("bare route", stairs, BareRouteStaircaseSimulation.class, server::alive,
                                server.pid(), null));
                    } finally {
                        BareRouteStaircaseSimulation.RUN = null;
                    }
                }
                default -> throw new IllegalArgumentException("bench.knee.apps: unknown app " + app + " (billfold, bare)");
            }
        }

        System.out.printf("%n### Capacity knee, all apps (the tables per step are above)%n%n");
        System.out.println("| app | knee: sessions at p95 ≤ " + P95_MILLIS + " ms, 0 errors | stopped because |");
        System.out.println("|---|---|---|");
        for (AppResult r : results) {
            System.out.printf("| %s | %s | %s |%n", r.app(), r.kneeText(), r.stopReason());
        }
        AppResult billfold = results.stream().filter(r -> r.app().equals("Billfold")).findFirst().orElse(null);
        AppResult bare = results.stream().filter(r -> r.app().equals("bare route")).findFirst().orElse(null);
        if (billfold != null && bare != null) {
            if (billfold.knee() > 0 && bare.knee() > 0) {
                // a knee that did not break is a lower bound; so the ratio is one too (bare) or an upper bound (Billfold)
                String bound = !bare.brokeWithin() && !billfold.brokeWithin() ? "unknown, both are lower bounds: "
                        : !bare.brokeWithin() ? "at least " : !billfold.brokeWithin() ? "at most " : "";
                System.out.printf("%nRatio of the knees, bare route to Billfold: %s%.2f (Billfold serves %.0f%% of the bare"
                        + " route's sessions).%n", bound, (double) bare.knee() / billfold.knee(),
                        100.0 * billfold.knee() / bare.knee());
            } else {
                System.out.printf("%nNo ratio: a knee is below the first step of %s sessions.%n", fmt(STEP));
            }
        }
        if (billfold != null) {
            System.out.printf("Goal ≥ 3,000 sessions per node for Billfold: %s.%n",
                    billfold.knee() >= 3000 ? "met" : "not met");
        }
        for (AppResult r : results) {
            assertThat(r.steps()).as("%s: at least one step measured", r.app()).isNotEmpty();
            assertThat(r.steps().getFirst().all().size() + r.steps().getFirst().errors())
                    .as("%s: actions in the first step", r.app()).isPositive();
        }
    }

    private static Staircase staircase() {
        return new Staircase(STEP, MAX_SESSIONS, Duration.ofSeconds(RAMP_SECONDS), Duration.ofSeconds(SETTLE_SECONDS),
                Duration.ofSeconds(WINDOW_SECONDS), Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS),
                Duration.ofSeconds(HEARTBEAT_SECONDS), THINK_MILLIS);
    }

    /** One short step that is not judged: 8 sessions at one action per 200 ms, on the fresh server. */
    private static Staircase warmUp() {
        return new Staircase(8, 8, Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(WARM_UP_SECONDS),
                Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS), Duration.ofSeconds(HEARTBEAT_SECONDS), 200);
    }

    private static void warmUp(String app, Staircase stairs, Class<?> simulation) {
        if (WARM_UP_SECONDS <= 0) {
            return;
        }
        System.out.printf("%nbench: %s, warm-up (%d s, not reported)%n", app, WARM_UP_SECONDS);
        runGatling(simulation, app + " warm-up");
        Staircase.Step step = stairs.step(0);
        System.out.printf("bench: %s, warm-up: %,d actions measured, %d errors%s%n", app,
                step.millisByAction().values().stream().mapToInt(List::size).sum(), step.errors(),
                step.sampleErrors.isEmpty() ? "" : " (first: " + step.sampleErrors.peek() + ")");
    }

    private static void runGatling(Class<?> simulation, String description) {
        Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", simulation.getName(),
                "--results-folder", Path.of("target", "gatling").toAbsolutePath().toString(),
                "--run-description", description,
                "--launcher", "billfold-bench"});
    }

    /**
     * One Gatling run of the staircase, with a watcher beside it that samples the CPU at each window's start and end,
     * judges each step once its requests have had the time-out to finish, and stops the run after the first failure.
     */
    private static AppResult climb(String app, Staircase stairs, Class<?> simulation, java.util.function.BooleanSupplier alive,
                                   long serverPid, LongSupplier databaseTicks) throws Exception {
        System.out.printf("%nbench: %s, up to %d steps of %,d sessions (at most %d min)%n", app, stairs.steps,
                stairs.stepSessions, stairs.maxDuration().toMinutes() + 1);
        List<StepResult> steps = new ArrayList<>();
        var gatlingDone = new java.util.concurrent.atomic.AtomicBoolean();
        try (ExecutorService watcher = Executors.newSingleThreadExecutor()) {
            Future<?> watching = watcher.submit(() -> {
                watch(app, stairs, steps, gatlingDone, alive, serverPid, databaseTicks);
                return null;
            });
            try {
                runGatling(simulation, app + " capacity steps");
            } finally {
                gatlingDone.set(true);
            }
            watching.get(REQUEST_TIMEOUT_SECONDS + WINDOW_SECONDS + 60L, TimeUnit.SECONDS);
        }
        String reason = stairs.stopReason() != null ? stairs.stopReason()
                : steps.size() == stairs.steps ? "maximum reached (" + fmt(stairs.sessions(stairs.steps - 1)) + " sessions)"
                : "Gatling ended after " + steps.size() + " steps";
        AppResult result = new AppResult(app, List.copyOf(steps), reason, stairs.sessions(stairs.steps - 1));
        print(result);
        return result;
    }

    private static void watch(String app, Staircase stairs, List<StepResult> steps,
                              java.util.concurrent.atomic.AtomicBoolean gatlingDone, java.util.function.BooleanSupplier alive,
                              long serverPid, LongSupplier databaseTicks) throws InterruptedException {
        while (!stairs.started()) {
            if (gatlingDone.get()) {
                return;
            }
            Thread.sleep(50);
        }
        for (int k = 0; k < stairs.steps; k++) {
            if (!sleepUntil(stairs.windowStart(k), gatlingDone)) {
                return;
            }
            long server0 = BenchServer.cpuTicks(serverPid);
            long database0 = databaseTicks == null ? 0 : databaseTicks.getAsLong();
            long driver0 = driverCpuNanos();
            long[] machine0 = BenchServer.machineTicks();
            long begin = System.nanoTime();
            if (!sleepUntil(stairs.windowEnd(k), gatlingDone)) {
                return;
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            double serverCpu = (BenchServer.cpuTicks(serverPid) - server0) / 100.0 / seconds / CORES * 100;
            double databaseCpu = databaseTicks == null ? -1 : (databaseTicks.getAsLong() - database0) / 100.0 / seconds / CORES * 100;
            double driverCpu = (driverCpuNanos() - driver0) / 1e9 / seconds / CORES * 100;
            long[] machine1 = BenchServer.machineTicks();
            double machineCpu = 100.0 * (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1]);
            long rss = BenchServer.rssKb(serverPid);
            // every request that started in the window has finished or timed out by then
            sleepUntil(stairs.windowEnd(k) + TimeUnit.SECONDS.toMillis(REQUEST_TIMEOUT_SECONDS + 1), gatlingDone);

            Staircase.Step step = stairs.step(k);
            var millis = step.millisByAction();
            List<Integer> all = new ArrayList<>();
            millis.values().forEach(all::addAll);
            all.sort(null);
            int p95 = percentile(all, 95);
            int errors = step.errors();
            boolean serverUp = alive.getAsBoolean();
            boolean passed = serverUp && !all.isEmpty() && p95 <= P95_MILLIS && errors == 0;
            String verdict = passed ? "pass"
                    : !serverUp ? "server died"
                    : all.isEmpty() ? "nothing measured"
                    : errors > 0 && p95 > P95_MILLIS ? "p95 " + p95 + " ms and " + errors + " errors"
                    : errors > 0 ? errors + " errors" : "p95 " + p95 + " ms";
            StepResult result = new StepResult(stairs.sessions(k), millis, step.errorsInWindow.get(),
                    step.errorsOutsideWindow.get(), List.copyOf(step.sampleErrors), seconds, serverCpu, databaseCpu,
                    driverCpu, machineCpu, rss, passed, verdict);
            synchronized (steps) {
                steps.add(result);
            }
            System.out.printf("bench: %s, %,d sessions: p95 %d ms, %d errors, server %.0f%%, load generator %.0f%%, machine %.0f%% → %s%n",
                    app, result.sessions(), p95, errors, serverCpu, driverCpu, machineCpu, verdict);
            if (!passed) {
                stairs.stop("step of " + fmt(result.sessions()) + " sessions: " + verdict);
                return;
            }
        }
    }

    private static void print(AppResult r) {
        System.out.printf("%n#### %s: knee %s%n%n", r.app(), r.kneeText());
        System.out.println("| sessions | measured | p50 ms | p95 ms | p99 ms | max ms | errors (window + ramp/settle) | actions/s"
                + " (offered) | server CPU | DB CPU | load generator CPU | machine CPU (rest) | server RSS MiB | step |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (StepResult s : r.steps()) {
            List<Integer> all = s.all();
            System.out.printf("| %s | %,d | %s | %s | %s | %s | %d + %d | %.1f (%.1f) | %.0f%% | %s | %.0f%% | %.0f%% (%.0f%%) | %.0f | %s |%n",
                    fmt(s.sessions()), all.size(), pct(all, 50), pct(all, 95), pct(all, 99),
                    all.isEmpty() ? "–" : all.getLast().toString(), s.errorsInWindow(), s.errorsOutsideWindow(),
                    all.size() / s.windowSeconds(), s.sessions() * 1000.0 / THINK_MILLIS, s.serverCpu(),
                    s.databaseCpu() < 0 ? "–" : "%.0f%%".formatted(s.databaseCpu()), s.driverCpu(), s.machineCpu(),
                    s.othersCpu(), s.serverRssKb() / 1024.0, s.passed() ? "pass" : "**" + s.verdict() + "**");
        }
        System.out.printf("%nCPU as %% of all %d cores over each window; \"rest\" is the machine's CPU not spent by the server,"
                + " its database or the load generator.%n", CORES);
        if (r.steps().stream().anyMatch(s -> s.millis().size() > 1)) {
            System.out.println();
            System.out.println("| sessions | action | measured | p50 ms | p95 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (StepResult s : r.steps()) {
                s.millis().forEach((action, list) -> System.out.printf("| %s | %s | %,d | %s | %s | %s | %s |%n",
                        fmt(s.sessions()), action, list.size(), pct(list, 50), pct(list, 95), pct(list, 99),
                        list.isEmpty() ? "–" : list.getLast().toString()));
            }
        }
        for (StepResult s : r.steps()) {
            if (!s.sampleErrors().isEmpty()) {
                System.out.printf("%nFirst errors at %s sessions (Gatling's report under target/gatling has the messages):%n",
                        fmt(s.sessions()));
                s.sampleErrors().forEach(e -> System.out.println("- " + e));
            }
        }
    }

    /** Nearest-rank percentile; -1 when empty. */
    private static int percentile(List<Integer> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String pct(List<Integer> sorted, double p) {
        return sorted.isEmpty() ? "–" : Integer.toString(percentile(sorted, p));
    }

    private static String fmt(int n) {
        return "%,d".formatted(n);
    }

    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** Sleeps until the time given; false if Gatling ended first. */
    private static boolean sleepUntil(long epochMillis, java.util.concurrent.atomic.AtomicBoolean gatlingDone)
            throws InterruptedException {
        while (System.currentTimeMillis() < epochMillis) {
            if (gatlingDone.get()) {
                return false;
            }
            Thread.sleep(Math.min(200, Math.max(1, epochMillis - System.currentTimeMillis())));
        }
        return true;
    }
}
