package dev.billfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.e2e.Haproxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the top-up round trips of {@link RoundTripBenchmark} through HAProxy (deploy/cluster/haproxy.cfg, cookie
 * affinity) at N sessions spread over two production nodes on one PostgreSQL, then the same level through the same
 * HAProxy with one node left (the second stopped and checked out by HAProxy). Both nodes and the load run on one
 * machine, so two nodes share its cores: the ratio shows what a second node costs or gains here, not on two machines.
 *
 * <p>Prints p95, errors and each node's CPU (utime+stime from /proc/&lt;pid&gt;/stat over the window); never fails on
 * time. Parameters: {@code -Dbench.sessions=1000}, and RoundTripBenchmark's {@code bench.durationSeconds},
 * {@code bench.rampSeconds}, {@code bench.thinkMillis}, {@code bench.historyRows}.
 * Run: {@code ./mvnw -Pbench test -Dtest=ClusterRoundTripBenchmark}.
 */
class ClusterRoundTripBenchmark {

    private static final int SESSIONS = Integer.getInteger("bench.sessions", 1000);
    private static final int DURATION_SECONDS = Integer.getInteger("bench.durationSeconds", 120);
    private static final Integer RAMP_SECONDS = Integer.getInteger("bench.rampSeconds");
    private static final int THINK_MILLIS = Integer.getInteger("bench.thinkMillis", 5000);
    private static final int HISTORY_ROWS = Integer.getInteger("bench.historyRows", 500);

    @Test
    void round_trips_through_haproxy_on_two_nodes_and_on_one() throws Exception {
        System.setProperty("gatling.data.enableAnalytics", "false");
        int ramp = RAMP_SECONDS != null ? RAMP_SECONDS : Math.max(20, SESSIONS / 10);
        List<RoundTripBenchmark.LevelResult> results = new ArrayList<>();
        try (BenchServer nodeA = BenchServer.start("cluster-a")) {
            nodeA.seedHistory(HISTORY_ROWS);
            BenchServer nodeB = nodeA.anotherNode("cluster-b");
            try (Haproxy haproxy = Haproxy.start("bench-cluster", nodeA.process(), nodeB.process())) {
                List<BenchServer> both = List.of(nodeA, nodeB);
                // JIT of both nodes and of Gatling; not reported
                RoundTripBenchmark.runLevel(haproxy.url(), both, 16, 5, 30, 200, "warm-up, two nodes");
                var twoNodes = RoundTripBenchmark.runLevel(haproxy.url(), both, SESSIONS, ramp, DURATION_SECONDS,
                        THINK_MILLIS, SESSIONS + " sessions, two nodes");
                results.add(twoNodes);
                assertThat(nodeA.alive() && nodeB.alive()).as("both nodes alive").isTrue();

                nodeB.close();
                // HAProxy's active check takes B out after two failed checks, one a second
                BenchServer.sleep(5_000);
                var oneNode = RoundTripBenchmark.runLevel(haproxy.url(), List.of(nodeA), SESSIONS, ramp,
                        DURATION_SECONDS, THINK_MILLIS, SESSIONS + " sessions, one node");
                results.add(oneNode);
                assertThat(nodeA.alive()).as("node A alive").isTrue();
            } finally {
                nodeB.close();
            }
        }
        System.out.printf("%n### Round trips through HAProxy, two nodes then one (think %d ms ±50%%, window %d s)%n",
                THINK_MILLIS, DURATION_SECONDS);
        RoundTripBenchmark.print(results);
        System.out.println("| nodes | CPU per node (% of " + Runtime.getRuntime().availableProcessors()
                + " cores) | p95 ms, all actions | errors |");
        System.out.println("|---|---|---|---|");
        String[] labels = {"two", "one"};
        for (int i = 0; i < results.size(); i++) {
            var r = results.get(i);
            System.out.printf("| %s | %s | %d | %d |%n", labels[i], r.nodeCpuPercent().stream()
                    .map(cpu -> "%.0f%%".formatted(cpu)).toList(), p95(r), r.errorCount());
        }
        if (results.size() == 2 && p95(results.get(1)) > 0) {
            System.out.printf("%np95 two nodes / one node: %.2f%n", (double) p95(results.get(0)) / p95(results.get(1)));
        }
        for (var r : results) {
            assertThat(r.measured()).as("measured actions").isPositive();
        }
    }

    private static int p95(RoundTripBenchmark.LevelResult result) {
        List<Integer> all = new ArrayList<>();
        result.millis().values().forEach(all::addAll);
        all.sort(null);
        return all.isEmpty() ? 0 : all.get(Math.max(0, (int) Math.ceil(0.95 * all.size()) - 1));
    }
}
