package dev.billfold.e2e;

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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The app as it ships, in its own process: the production jar on a fresh embedded PostgreSQL, with the profiles
 * {@code production,demo} (demo users, data and provider). Used once per JVM by the browser tests (through
 * {@link ProductionApp}) and once per benchmark by the benchmarks, which need a fresh server each.
 *
 * <p>{@code ./mvnw verify} builds the dev jar, so this builds the production one itself, with a nested Maven call into
 * target/e2e-build (never target/classes). It is skipped when that jar is newer than everything under src/main and the
 * pom. Set BILLFOLD_E2E_OFFLINE to add {@code -o} to that call; {@code -Dbillfold.productionJar=path} uses a given jar.
 */
public final class ProductionServer implements AutoCloseable {

    static final String DB_USER = "postgres";
    static final String INVOICE_RECIPIENT_NAME = "E2E Hosting Ltd.";
    static final List<String> INVOICE_BANK_DETAILS_LINES = List.of("Bank: E2E Test Bank, Boston", "Account: 987654321000",
            "SWIFT: E2ETUS44");

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final EmbeddedPostgres postgres;
    private final Path jar;
    private final String name;
    private final List<String> jvmArgs;
    private final List<String> appArgs;
    private Process process;
    private String baseUrl;
    private String managementUrl;
    private Path log;
    /** False for a second node on another's database: the first node's close stops PostgreSQL. */
    private boolean ownsDatabase = true;

    private ProductionServer(EmbeddedPostgres postgres, Path jar, String name, List<String> jvmArgs,
                             List<String> appArgs) {
        this.postgres = postgres;
        this.jar = jar;
        this.name = name;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.appArgs = List.copyOf(appArgs);
    }

    /**
     * Builds the jar if needed, starts PostgreSQL and the app, and returns once /login answers 200.
     *
     * @param name    names the log file, target/&lt;name&gt;-app.log
     * @param jvmArgs extra options for the server's JVM (e.g. -Xmx)
     * @param appArgs extra Spring arguments (e.g. --logging.level.root=WARN)
     */
    public static ProductionServer start(String name, List<String> jvmArgs, List<String> appArgs) {
        Path project = projectDir();
        long started = System.nanoTime();
        Path jar = productionJar(project);
        long built = System.nanoTime();
        System.err.printf("%s: production jar %s ready in %.1f s%n", name, project.relativize(jar), (built - started) / 1e9);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
        var server = new ProductionServer(postgres, jar, name, jvmArgs, appArgs);
        try {
            server.launch(name);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        System.err.printf("%s: PostgreSQL and the app (pid %d) at %s up in %.1f s (log: %s)%n", name, server.pid(),
                server.baseUrl, (System.nanoTime() - built) / 1e9, project.relativize(server.log));
        return server;
    }

    /**
     * Kills the app's process at once ({@code kill -9}: no shutdown hook, no graceful stop) and waits until it is
     * gone. The database stays up, with what the app had committed.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The app (pid " + process.pid() + ") outlived kill -9 by 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the app's process SIGTERM ({@code process.destroy()}), as an orchestrator stopping a node does, and returns
     * at once; {@link #awaitExit} waits for the graceful shutdown to end.
     */
    public void terminate() {
        process.destroy();
    }

    /**
     * Waits up to {@code limit} for the process to exit and returns its exit code (143 after SIGTERM: the JVM ran its
     * shutdown hooks); fails if it is still alive then.
     */
    public int awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The app (pid %d) did not exit within %d s. Last lines of %s:%n%s"
                        .formatted(process.pid(), limit.toSeconds(), log, tail(log, 60)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** Freezes the app's process ({@code kill -STOP}): it keeps its connections and does nothing until resumed. */
    public void pause() {
        signal("STOP");
    }

    /** Lets a paused process run on ({@code kill -CONT}). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The current process's log (a restart writes a new one). */
    public Path log() {
        return log;
    }

    /**
     * Starts a second node of the same jar on this node's database (a cluster; log target/&lt;name&gt;-app.log), with
     * the same arguments plus {@code moreAppArgs}. Closing it stops only its process.
     */
    public ProductionServer anotherNode(String nodeName, List<String> moreAppArgs) {
        List<String> arguments = new ArrayList<>(appArgs);
        arguments.addAll(moreAppArgs);
        var node = new ProductionServer(postgres, jar, nodeName, jvmArgs, arguments);
        node.ownsDatabase = false;
        node.launch(nodeName);
        return node;
    }

    /** Starts the app again on the same database (a new process on a new port; log target/&lt;name&gt;-restart-app.log). */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("The app is still running: stop or kill it first");
        }
        launch(name + "-restart");
    }

    private void launch(String logName) {
        Path project = projectDir();
        int port = freePort();
        int managementPort = freePort();
        log = project.resolve("target/" + logName + "-app.log");
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                    "--management.server.port=" + managementPort, "--spring.profiles.active=production,demo",
                    "--billfold.showroom=true"));
            command.addAll(appArgs);
            var builder = new ProcessBuilder(command).directory(project.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(variable -> variable.startsWith("SPRING_") || variable.startsWith("BILLFOLD_"));
            env.put("BILLFOLD_DB_URL", postgres.getJdbcUrl(DB_USER, "postgres"));
            env.put("BILLFOLD_DB_USER", DB_USER);
            env.put("BILLFOLD_DB_PASSWORD", "");
            env.put("BILLFOLD_INVOICE_RECIPIENT_NAME", INVOICE_RECIPIENT_NAME);
            env.put("BILLFOLD_SELLER_LEGAL_NAME", INVOICE_RECIPIENT_NAME);
            env.put("BILLFOLD_SELLER_ADDRESS", "1 Test Street, London");
            env.put("BILLFOLD_SELLER_COUNTRY", "GB");
            env.put("BILLFOLD_INVOICE_RECIPIENT_BANK_DETAILS", String.join("\n", INVOICE_BANK_DETAILS_LINES));
            builder.redirectErrorStream(true);
            builder.redirectOutput(log.toFile());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + jar, e);
        }
        baseUrl = "http://localhost:" + port;
        managementUrl = "http://localhost:" + managementPort;
        awaitLogin();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The actuator's own port (health, probes, info), as production serves it. */
    public String managementUrl() {
        return managementUrl;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** A connection to the app's database, for checks and seed data; the caller closes it. */
    public Connection database() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() {
        if (process != null) {
            stop(process);
        }
        if (ownsDatabase) {
            closeQuietly(postgres);
        }
    }

    /** Up means the sign-in page answers 200: Flyway has run and Vaadin serves views. */
    private void awaitLogin() {
        awaitOk(process, "app", baseUrl, "/login", START_TIMEOUT, log);
    }

    // ---- an app's process (also the benchmarks' bare route app) --------------------------------------------------

    /**
     * Waits until GET {@code baseUrl + path} answers 200; fails with the last lines of {@code log} if the process exits
     * first or the timeout passes.
     *
     * @param app names the app in the failures ("The app exited ...")
     */
    public static void awaitOk(Process process, String app, String baseUrl, String path, Duration timeout, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The %s exited with code %d before it answered. Last lines of %s:%n%s"
                        .formatted(app, process.exitValue(), log, tail(log, 60)));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the " + app, e);
            }
            sleep(500);
        }
        throw new IllegalStateException("GET %s%s did not answer 200 within %d s. Last lines of %s:%n%s"
                .formatted(baseUrl, path, timeout.toSeconds(), log, tail(log, 60)));
    }

    /** Stops an app's process: destroy, destroyForcibly after 20 s (then up to 10 s more), at once if interrupted. */
    public static void stop(Process process) {
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
    }

    // ---- the production jar --------------------------------------------------------------------------------------

    /** The production jar the browser tests and benchmarks run: built when missing or older than the sources. */
    public static Path productionJar() {
        return productionJar(projectDir());
    }

    private static Path productionJar(Path project) {
        String given = System.getProperty("billfold.productionJar");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath();
        }
        Path buildDir = project.resolve("target/e2e-build");
        Path existing = findJar(buildDir);
        if (existing != null && existing.toFile().lastModified() > newestSource(project)) {
            return existing;
        }
        Path buildLog = project.resolve("target/e2e-build.log");
        List<String> command = new ArrayList<>(List.of(mavenWrapper(project).toString(), "-B", "-q", "-Pproduction",
                "-DskipTests", "-Dbillfold.build.directory=" + buildDir));
        if (System.getenv("BILLFOLD_E2E_OFFLINE") != null) {
            command.add("-o");
        }
        // A -Dmaven.repo.local given to the outer build reaches this JVM as a system property; keep using that repository.
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null && !localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.add("package");
        try {
            Files.createDirectories(buildLog.getParent());
            var builder = new ProcessBuilder(command).directory(project.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.redirectErrorStream(true);
            builder.redirectOutput(buildLog.toFile());
            Process build = builder.start();
            if (!build.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                build.destroyForcibly();
                throw new IllegalStateException("The production build took longer than %d minutes. Last lines of %s:%n%s"
                        .formatted(BUILD_TIMEOUT.toMinutes(), buildLog, tail(buildLog, 60)));
            }
            if (build.exitValue() != 0) {
                throw new IllegalStateException("The production build failed (%s). Last lines of %s:%n%s"
                        .formatted(String.join(" ", command), buildLog, tail(buildLog, 60)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the production build", e);
        }
        Path built = findJar(buildDir);
        if (built == null) {
            throw new IllegalStateException("The production build succeeded but left no billfold-*.jar in " + buildDir);
        }
        return built;
    }

    private static Path findJar(Path buildDir) {
        if (!Files.isDirectory(buildDir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(buildDir)) {
            return files.filter(f -> f.getFileName().toString().matches("billfold-.*\\.jar")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The newest change that can alter the jar: anything under src/main and the pom. What Vaadin generates under
     * src/main during a build (and never gets committed) does not count, or every build would make itself stale.
     */
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

    // ---- small helpers -------------------------------------------------------------------------------------------

    /** Failsafe sets basedir to the project; an IDE usually runs in it. */
    public static Path projectDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    private static Path mavenWrapper(Path project) {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return project.resolve(windows ? "mvnw.cmd" : "mvnw");
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    public static String tail(Path file, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
