package dev.billfold.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The production jar on embedded PostgreSQL with the profiles {@code production,demo}, in its own process, for the
 * benchmarks. The same set-up as the browser tests' ProductionApp (which is package-private to dev.billfold.e2e, so it
 * cannot be called from here): it reuses target/e2e-build's jar when that is newer than src/main and the pom, and
 * otherwise builds one with a nested Maven call into target/bench-build. {@code -Dbench.jar=path} uses a given jar
 * as is. {@code -Dbench.serverJvmArgs="-Xmx1g ..."} adds JVM options to the server (default: none, the JVM's own).
 *
 * <p>Also the server-side probes: live heap after a full GC through jcmd, and the CPU time from /proc/&lt;pid&gt;/stat.
 */
final class BenchServer implements AutoCloseable {

    static final String DEMO_ACCOUNT = "a0000000-0000-0000-0000-000000000001";
    static final String DEMO_PAYER = "b0000000-0000-0000-0000-000000000001";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    private final EmbeddedPostgres postgres;
    private final Process process;
    private final String baseUrl;
    private final Path log;

    private BenchServer(EmbeddedPostgres postgres, Process process, String baseUrl, Path log) {
        this.postgres = postgres;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static BenchServer start(String name) {
        Path project = projectDir();
        Path jar = productionJar(project);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
        int port = freePort();
        Path log = project.resolve("target/bench-" + name + "-app.log");
        Process process;
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String jvmArgs = System.getProperty("bench.serverJvmArgs", "").trim();
            if (!jvmArgs.isEmpty()) {
                command.addAll(Arrays.asList(jvmArgs.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                    "--spring.profiles.active=production,demo", "--logging.level.root=WARN",
                    "--logging.level.dev.billfold.Application=INFO"));
            var builder = new ProcessBuilder(command).directory(project.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(n -> n.startsWith("SPRING_") || n.startsWith("BILLFOLD_"));
            env.put("BILLFOLD_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
            env.put("BILLFOLD_DB_USER", "postgres");
            env.put("BILLFOLD_DB_PASSWORD", "");
            env.put("BILLFOLD_INVOICE_RECIPIENT_NAME", "Bench Hosting Ltd.");
            env.put("BILLFOLD_INVOICE_RECIPIENT_BANK_DETAILS", "Bank: Bench Bank\nAccount: 000111222333");
            builder.redirectErrorStream(true);
            builder.redirectOutput(log.toFile());
            process = builder.start();
        } catch (IOException e) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // best effort
            }
            throw new UncheckedIOException("Could not start " + jar, e);
        }
        var server = new BenchServer(postgres, process, "http://localhost:" + port, log);
        try {
            server.awaitLogin();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        System.out.printf("bench: %s (pid %d) up at %s, jar %s, log %s%n", name, process.pid(), server.baseUrl,
                project.relativize(jar), project.relativize(log));
        return server;
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Extra payments of the demo account, so that the history grid has pages to scroll through. */
    void seedHistory(int rows) {
        String sql = "insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind, provider,"
                + " idempotency_key, save_method, status, status_reason, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, 'USD', 'CHECKOUT', 'demo', ?, false, 'REJECTED', 'Benchmark row', ?, ?, 0)";
        try (Connection c = postgres.getPostgresDatabase().getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
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
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime is field 14, stime field 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command).redirectErrorStream(true).start();
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
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the server goes with the JVM
        }
    }

    private void awaitLogin() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create(baseUrl + "/login")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with code %d. Last lines of %s:%n%s"
                        .formatted(process.exitValue(), log, tail(log, 60)));
            }
            try {
                if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("GET /login did not answer 200 within %d s. Last lines of %s:%n%s"
                .formatted(START_TIMEOUT.toSeconds(), log, tail(log, 60)));
    }

    // ---- the production jar ------------------------------------------------------------------------------------

    private static Path productionJar(Path project) {
        String given = System.getProperty("bench.jar");
        if (given != null && !given.isBlank()) {
            Path jar = project.resolve(given);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("-Dbench.jar=" + given + " is not a file");
            }
            return jar;
        }
        long newest = newestSource(project);
        for (String dir : List.of("target/e2e-build", "target/bench-build")) {
            Path jar = findJar(project.resolve(dir));
            if (jar != null && jar.toFile().lastModified() > newest) {
                return jar;
            }
        }
        Path buildDir = project.resolve("target/bench-build");
        Path buildLog = project.resolve("target/bench-build.log");
        List<String> command = new ArrayList<>(List.of(project.resolve("mvnw").toString(), "-B", "-q", "-Pproduction",
                "-DskipTests", "-Dbillfold.build.directory=" + buildDir));
        if (System.getenv("BILLFOLD_E2E_OFFLINE") != null || Boolean.getBoolean("bench.offline")) {
            command.add("-o");
        }
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null && !localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.add("package");
        System.out.println("bench: building the production jar: " + String.join(" ", command));
        try {
            Files.createDirectories(buildLog.getParent());
            var builder = new ProcessBuilder(command).directory(project.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.redirectErrorStream(true);
            builder.redirectOutput(buildLog.toFile());
            Process build = builder.start();
            if (!build.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                build.destroyForcibly();
                throw new IllegalStateException("The production build timed out; see " + buildLog);
            }
            if (build.exitValue() != 0) {
                throw new IllegalStateException("The production build failed. Last lines of %s:%n%s"
                        .formatted(buildLog, tail(buildLog, 60)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Path built = findJar(buildDir);
        if (built == null) {
            throw new IllegalStateException("No billfold-*.jar in " + buildDir);
        }
        return built;
    }

    private static Path findJar(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("billfold-.*\\.jar")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long newestSource(Path project) {
        Path main = project.resolve("src/main");
        List<Path> generated = List.of(main.resolve("frontend/generated"), main.resolve("frontend/index.html"),
                main.resolve("bundles"));
        long newest = project.resolve("pom.xml").toFile().lastModified();
        try (Stream<Path> files = Files.walk(main)) {
            newest = Math.max(newest, files.filter(Files::isRegularFile)
                    .filter(f -> generated.stream().noneMatch(f::startsWith))
                    .mapToLong(f -> f.toFile().lastModified()).max().orElse(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return newest;
    }

    static Path projectDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + file + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
