package dev.billfold.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Webhook bodies over 1 MB, sent to the real server over a plain socket, so that the test decides what is sent and
 * when: a refusal that arrives while most of the body has not been sent yet shows that the server neither waited for
 * it nor read it.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithLocalProviders
class WebhookBodyLimitTest {

    private static final int FIVE_MB = 5 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/webhooks/stripe", "/webhooks/paypal"})
    void a_body_declared_over_1_mb_is_refused_with_413_before_any_of_it_is_sent(String path) throws IOException {
        try (Socket socket = connect()) {
            send(socket, head(path, "Content-Length: " + FIVE_MB));

            Answer answer = read(socket);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).isEqualTo(WebhookBodyLimit.REFUSAL);
            assertThat(answer.headers()).contains("connection: close");
            // Whatever the sender sends now, the server drops at most 64 KB of it, then closes the connection.
            sendUnlessClosed(socket, () -> send(socket, "x".repeat(2 * CHUNK)));
            assertThat(closedByServer(socket)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/webhooks/stripe", "/webhooks/paypal"})
    void a_chunked_5_mb_body_is_refused_with_413_once_past_1_mb_without_the_rest_being_read(String path)
            throws IOException {
        try (Socket socket = connect()) {
            send(socket, head(path, "Transfer-Encoding: chunked"));
            int sent = 0;
            while (sent <= WebhookBodyLimit.MAX_BYTES) {
                sendChunk(socket, CHUNK);
                sent += CHUNK;
            }

            // The sender stops here, with 17 of its 80 chunks sent, and waits: the answer comes all the same.
            Answer answer = read(socket);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).isEqualTo(WebhookBodyLimit.REFUSAL);
            assertThat(sent).isEqualTo(WebhookBodyLimit.MAX_BYTES + CHUNK).isLessThan(FIVE_MB / 4);
            // The sender goes on; the server drops at most 64 KB more (server.tomcat.max-swallow-size) and closes the
            // connection, so the rest of the 5 MB is never read. With Tomcat's default (2 MB) it would still be reading.
            sendUnlessClosed(socket, () -> {
                sendChunk(socket, CHUNK);
                sendChunk(socket, CHUNK);
            });
            assertThat(closedByServer(socket)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {WebhookBodyLimit.MAX_BYTES - 1, WebhookBodyLimit.MAX_BYTES})
    void a_chunked_body_up_to_1_mb_reaches_the_endpoint_whole(int size) throws IOException {
        try (Socket socket = connect()) {
            send(socket, head("/webhooks/stripe", "Transfer-Encoding: chunked\r\nStripe-Signature: t=1,v1=00"));
            sendChunk(socket, size);
            send(socket, "0\r\n\r\n");

            Answer answer = read(socket);

            // Stripe's verifier had the body, and found that it is not signed: not our 413.
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).isEqualTo("invalid signature");
        }
    }

    private Socket connect() throws IOException {
        var socket = new Socket("localhost", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String head(String path, String extra) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + extra
                + "\r\n\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void sendChunk(Socket socket, int size) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) 'x');
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private interface Sending {
        void send() throws IOException;
    }

    /** Sends, unless the server has closed the connection under the sender already. */
    private static void sendUnlessClosed(Socket socket, Sending sending) {
        try {
            sending.send();
        } catch (IOException closed) {
            assertThat(socket.isClosed()).as("only the server closed it").isFalse();
        }
    }

    /** The server closed the connection (end of stream, or a reset), rather than waiting for more. */
    private static boolean closedByServer(Socket socket) {
        try {
            return socket.getInputStream().read() < 0;
        } catch (IOException reset) {
            return !(reset instanceof SocketTimeoutException);
        }
    }

    /** The status line, the headers (in lower case) and a body of the length the headers give. */
    private static Answer read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("Connection closed before an answer: " + head);
            }
            head.write(next);
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String headers = String.join("\n", Arrays.copyOfRange(lines, 1, lines.length)).toLowerCase(Locale.ROOT);
        int length = headers.lines().filter(line -> line.startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring("content-length:".length()).strip()))
                .findFirst().orElseThrow(() -> new IOException("No Content-Length in " + headers));
        return new Answer(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private record Answer(int status, String headers, String body) {
    }
}
