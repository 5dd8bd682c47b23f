package dev.billfold.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.e2e.ProductionServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's crash proof with real processes: the production jar commits a change whose webhook is being sent when
 * the process is killed with {@code kill -9}; a new process on the same PostgreSQL delivers the event once the dead
 * node's claim has expired, with the same {@code webhook-id} and a valid signature. The in-JVM halves of this (a stop
 * right after the commit, a claim left by a dead node) are in {@link WebhookDeliveryContract}.
 */
class WebhookCrashE2E {

    private static final String DEMO_KEY = "bfk_test_demoHr0op4T2abnEn5VJzBcKc7pbL72nazTFmWZnRD8";
    private static final String OPERATOR = "d0000000-0000-0000-0000-000000000009";
    private static final String PATH = "/crash";

    @Test
    void an_event_whose_node_was_killed_mid_delivery_is_delivered_by_the_restarted_node_with_the_same_webhook_id()
            throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             ProductionServer server = ProductionServer.start("webhook-crash", List.of(), List.of(
                     "--billfold.webhooks.require-https=false", "--billfold.webhooks.allow-private-targets=true",
                     // The claim outlives one attempt's timeout twice, as the properties demand; short, so the test is.
                     "--billfold.webhooks.timeout=PT5S", "--billfold.webhooks.lease=PT10S"))) {
            // The first attempt hangs at the receiver, so the node dies holding its claim with the send in flight.
            receiver.script(PATH, WebhookReceiver.Reply.after(Duration.ofMinutes(2)));
            String secret = endpoint(server, receiver.url(PATH));

            String externalId = "crash-" + UUID.randomUUID();
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(server.baseUrl() + "/api/v1/accounts"))
                    .header("Authorization", "Bearer " + DEMO_KEY)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name": "Crash Test Hosting", "currency": "USD", "country": "US", "externalId": "%s"}"""
                            .formatted(externalId))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            WebhookReceiver.Received inFlight = receiver.await(PATH, 1).getFirst();
            Matcher account = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
            assertThat(account.find()).as(created.body()).isTrue();
            assertThat(inFlight.body()).contains("\"type\":\"account.created\"",
                    "\"account\":\"" + account.group(1) + "\"");
            server.kill();
            assertThat(deliveries(server, inFlight.header("webhook-id")))
                    .as("the dead node left its delivery claimed, not delivered").containsExactly("SENDING");

            server.restart();
            List<WebhookReceiver.Received> arrived = receiver.await(PATH, 2);
            WebhookReceiver.Received redelivered = arrived.get(1);
            assertThat(redelivered.header("webhook-id")).isEqualTo(inFlight.header("webhook-id"));
            assertThat(redelivered.body()).isEqualTo(inFlight.body());
            StandardWebhooksVerifier.verify(secret, redelivered, Instant.now());
            WebhookReceiver.waitFor(() -> deliveries(server, inFlight.header("webhook-id")).equals(List.of("DELIVERED")),
                    "the delivery recorded as delivered, once");
            assertThat(receiver.at(PATH)).as("nothing sent a third time").hasSize(2);
        }
    }

    /** Registers an endpoint for account.created as the back office stores it (WebhooksE2E drives the page itself). */
    private static String endpoint(ProductionServer server, String url) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = server.database(); PreparedStatement insert = db.prepareStatement("""
                insert into webhook_endpoint (id, url, description, event_types, secret, enabled, created_by,
                                              created_at, updated_at)
                values (?, ?, 'Crash test', ?, ?, true, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, url);
            insert.setString(3, EventType.ACCOUNT_CREATED.wireName());
            insert.setString(4, secret);
            insert.setObject(5, UUID.fromString(OPERATOR));
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
            insert.executeUpdate();
        }
        return secret;
    }

    private static List<String> deliveries(ProductionServer server, String webhookId) {
        try (Connection db = server.database();
             PreparedStatement query = db.prepareStatement("select status from webhook_delivery where event_id = ?")) {
            query.setObject(1, UUID.fromString(webhookId));
            List<String> statuses = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            return statuses;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
