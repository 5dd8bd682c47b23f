package dev.billfold.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's HAProxy in front of two nodes, started from deploy/cluster/haproxy.cfg as a deployment would (cookie
 * affinity, active checks against readiness on each node's management port); log target/&lt;name&gt;-haproxy.log.
 */
public final class Haproxy implements AutoCloseable {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final String url;

    private Haproxy(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Returns once /login answers 200 through HAProxy. */
    public static Haproxy start(String name, ProductionServer nodeA, ProductionServer nodeB) {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("No HAProxy at " + HAPROXY + " (Debian: apt-get install haproxy; .ci/run "
                    + "installs it)");
        }
        int port = ProductionServer.freePort();
        Path project = ProductionServer.projectDir();
        Path log = project.resolve("target/" + name + "-haproxy.log");
        var builder = new ProcessBuilder(HAPROXY.toString(), "-f",
                project.resolve("deploy/cluster/haproxy.cfg").toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("BILLFOLD_LB_PORT", String.valueOf(port));
        env.put("BILLFOLD_NODE_A", hostAndPort(nodeA.baseUrl()));
        env.put("BILLFOLD_NODE_B", hostAndPort(nodeB.baseUrl()));
        env.put("BILLFOLD_NODE_A_MANAGEMENT_PORT", String.valueOf(URI.create(nodeA.managementUrl()).getPort()));
        env.put("BILLFOLD_NODE_B_MANAGEMENT_PORT", String.valueOf(URI.create(nodeB.managementUrl()).getPort()));
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + HAPROXY, e);
        }
        var haproxy = new Haproxy(process, "http://127.0.0.1:" + port);
        try {
            ProductionServer.awaitOk(process, "HAProxy", haproxy.url, "/login", Duration.ofSeconds(30), log);
        } catch (RuntimeException e) {
            haproxy.close();
            throw e;
        }
        return haproxy;
    }

    /** Where customers connect. */
    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ProductionServer.stop(process);
    }

    private static String hostAndPort(String url) {
        return "127.0.0.1:" + URI.create(url).getPort();
    }
}
