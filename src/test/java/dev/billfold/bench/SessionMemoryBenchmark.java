package dev.billfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * Live heap per Vaadin session on the top-up view (issue 3; target ≤ 100 KB), the way Vaadin's capacity-testing
 * guide counts it: real sessions that sign in through the form and hold a real UI with the view, then the server's
 * live heap after a full GC, with none and with N of them: KB per session = (heap_N − heap_0) / N.
 *
 * <p>The server is the production jar on PostgreSQL ({@link BenchServer}); the sessions are {@link UidlClient}s. Before
 * heap_0, a few warm-up sessions sign in, open the view and sign out again, so that heap_0 already holds what the
 * first session loads once (classes, caches, route registry) and the difference is per session only. Live heap is the
 * Total of {@code jcmd <pid> GC.class_histogram} (it runs a full GC and counts reachable objects); the "used" of
 * {@code GC.heap_info} after {@code GC.run} is printed next to it. Sessions are kept alive (heartbeat) until measured.
 *
 * <p>Prints figures and never fails on size; fails only if the set-up breaks or a session fails to reach the view.
 * Parameters: {@code -Dbench.sessions=500} (N), {@code -Dbench.signInConcurrency=4}.
 * Run: {@code ./mvnw -Pbench test -Dtest=SessionMemoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (all benchmarks: {@code ./mvnw -Pbench verify}).
 */
class SessionMemoryBenchmark {

    private static final int SESSIONS = Integer.getInteger("bench.sessions", 500);
    private static final int CONCURRENCY = Integer.getInteger("bench.signInConcurrency", 4);
    private static final int WARM_UP = 10;
    /** Diagnostic: one small interaction after opening, so the UI's last retained response is small, not the view's. */
    private static final boolean INTERACT_AFTER_OPEN = Boolean.getBoolean("bench.interactAfterOpen");
    /** Diagnostic: one navigation response is written to target/top-up-navigation.json, to see what it is made of. */
    private static final java.util.concurrent.atomic.AtomicBoolean NAVIGATION_DUMPED = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.concurrent.atomic.LongAdder OPEN_RESPONSE_CHARS = new java.util.concurrent.atomic.LongAdder();

    @Test
    void live_heap_per_session_on_the_top_up_view() throws Exception {
        try (BenchServer server = BenchServer.start("memory")) {
            HttpClient http = UidlClient.newHttpClient();
            List<UidlClient> warmUp = open(server, http, WARM_UP, new ConcurrentLinkedQueue<>());
            warmUp.forEach(UidlClient::signOut);

            var classes0 = server.liveBytesByClass();
            long live0 = server.liveHeapBytes();
            long used0 = server.heapInfoUsedBytes();
            long rss0 = BenchServer.rssKb(server.pid());

            var errors = new ConcurrentLinkedQueue<String>();
            long started = System.nanoTime();
            List<UidlClient> sessions = open(server, http, SESSIONS, errors);
            double openSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(errors).as("sessions that did not reach the top-up view").isEmpty();
            sessions.forEach(UidlClient::heartbeat);

            var classesN = server.liveBytesByClass();
            long liveN = server.liveHeapBytes();
            long usedN = server.heapInfoUsedBytes();
            long rssN = BenchServer.rssKb(server.pid());
            // still alive after the measurement: each one answers a heartbeat
            int alive = 0;
            for (UidlClient session : sessions) {
                try {
                    session.heartbeat();
                    alive++;
                } catch (RuntimeException e) {
                    errors.add(e.getMessage());
                }
            }

            System.out.printf("%n### Live heap per session (top-up view), N = %d%n%n", SESSIONS);
            System.out.println("| what | 0 sessions | N sessions | per session |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| live heap, GC.class_histogram Total | %.1f MiB | %.1f MiB | **%.1f KB** |%n", live0 / 1048576.0,
                    liveN / 1048576.0, (liveN - live0) / 1024.0 / SESSIONS);
            System.out.printf("| GC.heap_info used after GC.run | %.1f MiB | %.1f MiB | %.1f KB |%n", used0 / 1048576.0,
                    usedN / 1048576.0, (usedN - used0) / 1024.0 / SESSIONS);
            System.out.printf("| process RSS | %.1f MiB | %.1f MiB | %.1f KB |%n", rss0 / 1024.0, rssN / 1024.0,
                    (rssN - rss0) / (double) SESSIONS);
            System.out.printf("%n%d sessions signed in and opened the view in %.1f s (%d at a time); %d of %d answered a"
                    + " heartbeat after the measurement. Target: ≤ 100 KB per session.%n%n", SESSIONS, openSeconds,
                    CONCURRENCY, alive, SESSIONS);
            System.out.printf("Navigation response to the top-up view: %.1f KB of JSON on average; one small interaction after"
                    + " opening: %s.%n%n", OPEN_RESPONSE_CHARS.sum() / 1024.0 / (SESSIONS + WARM_UP), INTERACT_AFTER_OPEN ? "yes" : "no");
            System.out.println("What a session holds, by class (growth of live bytes from 0 to N sessions, per session):");
            System.out.println();
            System.out.println("| class | bytes per session |");
            System.out.println("|---|---|");
            classesN.entrySet().stream()
                    .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - classes0.getOrDefault(e.getKey(), 0L)))
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                    .forEach(e -> System.out.printf("| `%s` | %.0f |%n", e.getKey(), e.getValue() / (double) SESSIONS));
            System.out.println();
            assertThat(alive).as("sessions alive when measured").isEqualTo(SESSIONS);
            sessions.forEach(UidlClient::signOut);
        }
    }

    private static List<UidlClient> open(BenchServer server, HttpClient http, int count,
            ConcurrentLinkedQueue<String> errors) throws Exception {
        var gate = new Semaphore(CONCURRENCY);
        List<Future<UidlClient>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    gate.acquire();
                    try {
                        var client = new UidlClient(http, server.baseUrl(), Duration.ofSeconds(60), 0);
                        client.signIn("demo", "demo");
                        String view = client.openUi("");
                        if (!view.contains("\"presets\"")) {
                            throw new UidlProtocol.UidlError("the top-up view did not render: " + UidlProtocol.abbreviate(view));
                        }
                        OPEN_RESPONSE_CHARS.add(view.length());
                        if (NAVIGATION_DUMPED.compareAndSet(false, true)) {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "top-up-navigation.json"), view);
                        }
                        if (INTERACT_AFTER_OPEN) {
                            client.clickPreset();
                        }
                        return client;
                    } catch (RuntimeException e) {
                        errors.add(e.getMessage());
                        return null;
                    } finally {
                        gate.release();
                    }
                }));
            }
        }
        List<UidlClient> clients = new ArrayList<>();
        for (Future<UidlClient> f : futures) {
            if (f.get() != null) {
                clients.add(f.get());
            }
        }
        return clients;
    }
}
