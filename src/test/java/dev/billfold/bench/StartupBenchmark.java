package dev.billfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.e2e.ProductionServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Start-up of the production jar to ready (issue 3; target ≤ 5 s), on PostgreSQL as production runs, in the ways it
 * can be deployed:
 * <ul>
 * <li>the fat jar ({@code java -jar}) on an empty database (first start: all migrations run) and on the database a
 * previous start migrated (the everyday restart);</li>
 * <li>the jar extracted by Spring Boot's jarmode tools;</li>
 * <li>the extracted jar with a JDK AOT cache (JEP 483/514) from a training run, when the JDK is 25 or newer.</li>
 * </ul>
 * Runs of the deployments are interleaved, so that a slow spell of the machine does not fall on one of them. Reported:
 * Spring's own "Started Application in" (time to ready), the wall time from launching {@code java} until
 * {@code /login} answers 200, the process's CPU time until then, and its RSS; medians per deployment.
 *
 * <p>Prints figures and never fails on time. Parameters: {@code -Dbench.startupRuns=5}.
 * Run: {@code ./mvnw -Pbench test -Dtest=StartupBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("bench.startupRuns", 5);
    private static final Pattern STARTED = Pattern.compile("Started Application in ([0-9.]+) seconds");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private record Run(double startedSeconds, double wallSeconds, double cpuSeconds, long rssMib) {
    }

    @Test
    void production_jar_time_to_ready() throws Exception {
        Path project = ProductionServer.projectDir();
        Path jar = ProductionServer.productionJar();
        Path work = project.resolve("target/startup-bench");
        deleteRecursively(work);
        Files.createDirectories(work);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                work.resolve("app").toString()), work.resolve("extract.log"));
        Path extracted = work.resolve("app").resolve(jar.getFileName());
        assertThat(extracted).exists();

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            boolean aot = Runtime.version().feature() >= 25;
            Path cache = work.resolve("app.aot");
            if (aot) {
                // The training run starts the context once (and migrates its own database), then exits.
                String db = newDatabase(postgres, "training");
                launch(postgres, db, List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
                        extracted.toString()), work.resolve("training.log")).waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                aot = Files.exists(cache);
            }
            String migrated = newDatabase(postgres, "restart");
            measure(postgres, migrated, List.of("-jar", jar.toString()), work.resolve("warm-up.log")); // migrates it

            Map<String, List<Run>> runs = new LinkedHashMap<>();
            for (int i = 1; i <= RUNS; i++) {
                record("fat jar, empty database (first start)", runs, measure(postgres,
                        newDatabase(postgres, "fat" + i), List.of("-jar", jar.toString()), work.resolve("run.log")));
                record("fat jar, migrated database (restart)", runs, measure(postgres, migrated,
                        List.of("-jar", jar.toString()), work.resolve("run.log")));
                record("extracted, empty database", runs, measure(postgres, newDatabase(postgres, "extracted" + i),
                        List.of("-jar", extracted.toString()), work.resolve("run.log")));
                if (aot) {
                    record("extracted + AOT cache, empty database", runs, measure(postgres,
                            newDatabase(postgres, "aot" + i), List.of("-XX:AOTCache=" + cache, "-jar", extracted.toString()),
                            work.resolve("run.log")));
                }
            }
            print(jar, runs, aot);
        }
    }

    private static void record(String deployment, Map<String, List<Run>> runs, Run run) {
        runs.computeIfAbsent(deployment, d -> new ArrayList<>()).add(run);
        System.out.printf("%s: Started %.3f s, /login 200 at %.2f s, CPU %.1f s, RSS %d MiB%n", deployment,
                run.startedSeconds(), run.wallSeconds(), run.cpuSeconds(), run.rssMib());
    }

    private static Run measure(EmbeddedPostgres postgres, String database, List<String> javaArgs, Path log)
            throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(javaArgs);
        args.add("--server.port=" + port);
        long start = System.nanoTime();
        Process app = launch(postgres, database, args, log);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .timeout(Duration.ofSeconds(5)).build();
            long deadline = start + TIMEOUT.toNanos();
            while (true) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("The app exited early:\n" + ProductionServer.tail(log, 40));
                }
                try {
                    if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No /login 200 within " + TIMEOUT + ":\n" + ProductionServer.tail(log, 40));
                }
                Thread.sleep(20);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = BenchServer.cpuTicks(app.pid()) / 100.0;
            long rss = BenchServer.rssKb(app.pid()) / 1024;
            Matcher started = STARTED.matcher(Files.readString(log));
            assertThat(started.find()).as("'Started Application' in %s", log).isTrue();
            return new Run(Double.parseDouble(started.group(1)), wall, cpu, rss);
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The production profile with what it requires from the environment, mail included; nothing is sent at start. */
    private static Process launch(EmbeddedPostgres postgres, String database, List<String> javaArgs, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        command.add("--spring.profiles.active=production");
        command.add("--management.server.port=0");
        var builder = new ProcessBuilder(command).directory(ProductionServer.projectDir().toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(variable -> variable.startsWith("SPRING_") || variable.startsWith("BILLFOLD_"));
        env.put("BILLFOLD_DB_URL", postgres.getJdbcUrl("postgres", database));
        env.put("BILLFOLD_DB_USER", "postgres");
        env.put("BILLFOLD_DB_PASSWORD", "");
        env.put("BILLFOLD_INVOICE_RECIPIENT_NAME", "Bench Hosting");
        env.put("BILLFOLD_SELLER_LEGAL_NAME", "Bench Hosting");
        env.put("BILLFOLD_SELLER_ADDRESS", "1 Bench Street");
        env.put("BILLFOLD_SELLER_COUNTRY", "GB");
        env.put("BILLFOLD_INVOICE_RECIPIENT_BANK_DETAILS", "Bench Bank");
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("BILLFOLD_MAIL_FROM", "billing@bench.test");
        env.put("BILLFOLD_PUBLIC_URL", "http://localhost/");
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return builder.start();
    }

    private static String newDatabase(EmbeddedPostgres postgres, String name) throws Exception {
        String database = "startup_" + name;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database);
        }
        return database;
    }

    private static void print(Path jar, Map<String, List<Run>> runs, boolean aot) {
        System.out.printf("%n### Start-up of the production jar on PostgreSQL, %d runs each (JDK %s, %d cores)%n%n",
                RUNS, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("| deployment | median Started | median wall to /login 200 | median CPU | median RSS | Started, each run |");
        System.out.println("|---|---|---|---|---|---|");
        runs.forEach((deployment, list) -> System.out.printf("| %s | **%.2f s** | %.2f s | %.1f s | %d MiB | %s |%n",
                deployment, median(list.stream().mapToDouble(Run::startedSeconds).toArray()),
                median(list.stream().mapToDouble(Run::wallSeconds).toArray()),
                median(list.stream().mapToDouble(Run::cpuSeconds).toArray()),
                Math.round(median(list.stream().mapToDouble(Run::rssMib).toArray())),
                String.join(", ", list.stream().map(r -> "%.2f".formatted(r.startedSeconds())).toList())));
        System.out.printf("%nJar: %s (%d MiB)%s. Target: ready in ≤ 5 s.%n", jar.getFileName(), jar.toFile().length() >> 20,
                aot ? "" : "; no AOT cache (needs JDK 25)");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + ProductionServer.tail(log, 20));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
