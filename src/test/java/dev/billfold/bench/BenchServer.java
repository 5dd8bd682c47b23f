package dev.billfold.bench;

import dev.billfold.e2e.ProductionServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh {@link ProductionServer} per benchmark (the production jar on embedded PostgreSQL with the profiles
 * {@code production,demo}), plus the server-side probes: live heap after a full GC through jcmd, and the CPU time from
 * /proc/&lt;pid&gt;/stat. {@code -Dbillfold.productionJar=path} uses a given jar as is;
 * {@code -Dbench.serverJvmArgs="-Xmx1g ..."} adds JVM options to the server (default: none, the JVM's own).
 */
final class BenchServer implements AutoCloseable {

    static final String DEMO_ACCOUNT = "a0000000-0000-0000-0000-000000000001";
    static final String DEMO_PAYER = "b0000000-0000-0000-0000-000000000001";

    private final ProductionServer server;

    private BenchServer(ProductionServer server) {
        this.server = server;
    }

    static BenchServer start(String name) {
        return start(name, List.of());
    }

    /** With more Spring arguments for the app, e.g. {@code --server.tomcat.max-connections=20000}. */
    static BenchServer start(String name, List<String> extraAppArgs) {
        List<String> appArgs = new java.util.ArrayList<>(List.of("--logging.level.root=WARN",
                "--logging.level.dev.billfold.Application=INFO"));
        appArgs.addAll(extraAppArgs);
        return new BenchServer(ProductionServer.start("bench-" + name, serverJvmArgs(), appArgs));
    }

    /** {@code -Dbench.serverJvmArgs}, split at spaces. */
    static List<String> serverJvmArgs() {
        String jvmArgs = System.getProperty("bench.serverJvmArgs", "").trim();
        return jvmArgs.isEmpty() ? List.of() : Arrays.asList(jvmArgs.split("\\s+"));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    long pid() {
        return server.pid();
    }

    /** A second node of the same jar on this server's database (a cluster); closing it stops only its process. */
    BenchServer anotherNode(String name) {
        return new BenchServer(server.anotherNode("bench-" + name, List.of()));
    }

    /** The app's process, for what runs in front of it (HAProxy). */
    ProductionServer process() {
        return server;
    }

    boolean alive() {
        return server.alive();
    }

    /** Extra payments of the demo account, so that the history grid has pages to scroll through. */
    void seedHistory(int rows) {
        String sql = "insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind, provider,"
                + " idempotency_key, save_method, status, status_reason, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, 'USD', 'CHECKOUT', 'demo', ?, false, 'REJECTED', 'Benchmark row', ?, ?, 0)";
        try (Connection c = server.database(); PreparedStatement insert = c.prepareStatement(sql)) {
            Instant now = Instant.now();
            for (int i = 0; i < rows; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.fromString(DEMO_ACCOUNT));
                insert.setObject(3, UUID.fromString(DEMO_PAYER));
                insert.setBigDecimal(4, new java.math.BigDecimal(10 + i % 990));
                insert.setString(5, "bench-" + UUID.randomUUID());
                Timestamp at = Timestamp.from(now.minus(Duration.ofDays(20)).minusSeconds(60L * i));
                insert.setTimestamp(6, at);
                insert.setTimestamp(7, at);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed the payment history", e);
        }
    }

    // ---- probes ----------------------------------------------------------------------------------------------------

    /** Bytes of live objects: jcmd GC.class_histogram (a full GC first, then only reachable objects), its Total line. */
    long liveHeapBytes() {
        jcmd("GC.run");
        String histogram = jcmd("GC.class_histogram");
        Matcher total = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$").matcher(histogram);
        if (!total.find()) {
            throw new IllegalStateException("No Total line in GC.class_histogram:\n" + histogram.lines().limit(20).toList());
        }
        return Long.parseLong(total.group(2));
    }

    /** Bytes of live objects per class, from jcmd GC.class_histogram (which runs a full GC first). */
    java.util.Map<String, Long> liveBytesByClass() {
        var byClass = new java.util.HashMap<String, Long>();
        Matcher row = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)").matcher(jcmd("GC.class_histogram"));
        while (row.find()) {
            byClass.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
        }
        return byClass;
    }

    /** The "used" figure of jcmd GC.heap_info right after a GC.run, in bytes (includes unreclaimed regions). */
    long heapInfoUsedBytes() {
        jcmd("GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("No 'used' in GC.heap_info");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** utime + stime of the server process in clock ticks (USER_HZ, 100 on Linux). */
    long cpuTicks() {
        return cpuTicks(server.pid());
    }

    /** utime + stime of a process in clock ticks (USER_HZ, 100 on Linux). */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime is field 14, stime field 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * utime + stime of the app's PostgreSQL in clock ticks: the postmaster, its live children (the backends of the
     * connection pool and PostgreSQL's own workers) and the children it has reaped already.
     */
    long databaseCpuTicks() {
        long postmaster = postmasterPid();
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path dir : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String[] fields = statFields(dir.resolve("stat"));
                if (fields == null) {
                    continue;
                }
                long pid = Long.parseLong(dir.getFileName().toString());
                if (pid == postmaster) {
                    // cutime, cstime: the children it has waited for
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                } else if (Long.parseLong(fields[1]) == postmaster) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    private long postmasterPid = -1;

    private long postmasterPid() {
        if (postmasterPid < 0) {
            try (Connection c = server.database(); var query = c.createStatement();
                 var result = query.executeQuery("select pg_backend_pid()")) {
                result.next();
                String[] backend = statFields(Path.of("/proc/" + result.getInt(1) + "/stat"));
                postmasterPid = Long.parseLong(java.util.Objects.requireNonNull(backend, "backend's /proc entry")[1]);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not find PostgreSQL's process", e);
            }
        }
        return postmasterPid;
    }

    /** The fields of /proc/&lt;pid&gt;/stat after the command name: [0] is field 3 (state), [1] the parent's pid. */
    private static String[] statFields(Path stat) {
        try {
            String line = Files.readString(stat);
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** The whole machine's CPU from /proc/stat, in clock ticks over all cores: {busy, total}. */
    static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal (guest time is inside user)
            long busy = 0;
            long total = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                long v = Long.parseLong(cpu[i]);
                total += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
            return new long[] {busy, total};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    static void sleep(long millis) {
        ProductionServer.sleep(millis);
    }
}
