package dev.billfold.bench;

import dev.billfold.bench.bare.BareRouteApplication;
import dev.billfold.e2e.ProductionServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * {@link BareRouteApplication} in its own process, on the production jar's libraries and frontend bundle: {@code java
 * -cp <production jar> -Dloader.path=<bare classes> -Dloader.main=… PropertiesLauncher}. Spring Boot's
 * PropertiesLauncher puts the jar's BOOT-INF/classes and BOOT-INF/lib on the class path after the directory given, so
 * the bare app runs with the same Spring Boot, Vaadin, Tomcat and production bundle as Billfold, and with the server
 * settings Billfold's application.properties gives itself (gzip, session time-out, closing idle sessions), but none of
 * Billfold's own properties or beans ({@code spring.config.name} points elsewhere; its component scan covers
 * {@code bench.bare} only). The bare classes are copied from the test classes into {@code target/bench-bare/classes},
 * so that nothing else of the test class path comes along; they never enter the jar.
 */
final class BareRouteServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** Billfold's own server settings from its application.properties: the node is configured alike for both apps. */
    private static final List<String> NODE_SETTINGS = List.of(
            "--vaadin.productionMode=true",
            "--server.compression.enabled=true",
            "--server.compression.mime-types=text/html,text/css,text/javascript,application/javascript,application/json,image/svg+xml",
            "--server.compression.min-response-size=1KB",
            "--server.servlet.session.timeout=30m",
            "--vaadin.closeIdleSessions=true");

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private BareRouteServer(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static BareRouteServer start(String name, List<String> jvmArgs, List<String> extraAppArgs) {
        Path project = ProductionServer.projectDir();
        Path jar = ProductionServer.productionJar();
        requireNoBenchClassesIn(jar);
        Path classes = copyBareClasses(project.resolve("target/bench-bare/classes"));
        int port = freePort();
        Path log = project.resolve("target/" + name + "-app.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", jar.toString(),
                "-Dloader.path=" + classes,
                "-Dloader.main=" + BareRouteApplication.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--server.port=" + port,
                "--spring.config.name=bench-bare-route",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        command.addAll(NODE_SETTINGS);
        command.addAll(extraAppArgs);
        Process process;
        try {
            var builder = new ProcessBuilder(command).directory(project.toFile());
            builder.environment().keySet().removeIf(v -> v.startsWith("SPRING_") || v.startsWith("BILLFOLD_") || v.startsWith("LOADER_"));
            builder.redirectErrorStream(true);
            builder.redirectOutput(log.toFile());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the bare route app", e);
        }
        var server = new BareRouteServer(process, "http://localhost:" + port, log);
        try {
            server.awaitView();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        System.err.printf("%s: bare route app (pid %d) at %s on %s (log: %s)%n", name, process.pid(), server.baseUrl,
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

    /** The production jar must hold nothing of the benchmarks: no class under dev/billfold/bench. */
    static void requireNoBenchClassesIn(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> bench = zip.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.contains("dev/billfold/bench")).limit(5).toList();
            if (!bench.isEmpty()) {
                throw new IllegalStateException(jar + " contains benchmark classes: " + bench);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyBareClasses(Path target) {
        String packagePath = BareRouteApplication.class.getPackageName().replace('.', '/');
        Path source;
        try {
            source = Path.of(BareRouteApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(packagePath);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path destination = target.resolve(packagePath);
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(destination);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    Files.copy(file, destination.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the bare route classes from " + source, e);
        }
        return target;
    }

    /** Up means GET / answers 200 with index.html: Vaadin serves the bundle and the route is registered. */
    private void awaitView() {
        ProductionServer.awaitOk(process, "bare route app", baseUrl, "/", START_TIMEOUT, log);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    @Override
    public void close() {
        ProductionServer.stop(process);
    }
}
