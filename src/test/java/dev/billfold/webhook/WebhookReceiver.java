package dev.billfold.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A receiver on loopback (the JDK's HTTP server) that records every request it gets and answers what a test scripted
 * for its path, in order, then 204. Each test listens on a path of its own, so that what another test's endpoint gets
 * never counts. Public for the browser journey (e2e.WebhooksE2E).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as it arrived (and when): header names in lower case. */
    public record Received(String path, Map<String, String> headers, String body, Instant at) {

        public String header(String name) {
            String value = headers.get(name);
            if (value == null) {
                throw new AssertionError("No " + name + " header in " + headers);
            }
            return value;
        }
    }

    /** What to answer: a status, headers, and a wait before answering (for the timeout). */
    record Reply(int status, Map<String, String> headers, Duration delay) {

        static Reply status(int status) {
            return new Reply(status, Map.of(), Duration.ZERO);
        }

        static Reply status(int status, String header, String value) {
            return new Reply(status, Map.of(header, value), Duration.ZERO);
        }

        static Reply after(Duration delay) {
            return new Reply(204, Map.of(), delay);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    200));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of a path on this receiver, by address ({@code 127.0.0.1}). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The same path by name ({@code localhost}), which the client resolves through the guard. */
    String urlByName(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    void script(String path, Reply... replies) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits (up to 30 s) until the path got {@code count} requests, and returns them. */
    List<Received> await(String path, int count) {
        waitFor(() -> at(path).size() >= count, "%d requests at %s, got %s".formatted(count, path, at(path)));
        return at(path);
    }

    public static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited 30 s for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, Map.copyOf(headers), body, Instant.now()));
            Deque<Reply> script = scripts.get(path);
            Reply reply = script == null ? null : script.pollFirst();
            if (reply == null) {
                reply = Reply.status(204);
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] answer = reply.status() == 204 ? new byte[0] : ("answer " + reply.status())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
