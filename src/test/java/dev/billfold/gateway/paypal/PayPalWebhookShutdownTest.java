package dev.billfold.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.polling.Nodes;
import dev.billfold.ratelimit.RateLimiter;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one PostgreSQL. A PayPal webhook is at work on the first (PayPal slow to answer about the order) when
 * that node shuts down with a short limit for requests in flight: the event's claim is given back at once (DD-087),
 * so PayPal's redelivery to the other node is worked on there at once, not told to retry after the 5-minute lease,
 * and the payment is credited once.
 */
class PayPalWebhookShutdownTest {

    static final PayPalFake PAYPAL = PayPalFake.shared();

    final Nodes nodes = new Nodes();

    @AfterEach
    void stop() {
        nodes.close();
        TestData.signOut();
    }

    @Test
    void a_webhook_still_at_work_when_its_node_stops_gives_its_event_back_and_the_redelivery_credits_once()
            throws Exception {
        PAYPAL.reset();
        ConfigurableApplicationContext stopping = nodes.start(
                withPayPal(Map.of("spring.lifecycle.timeout-per-shutdown-phase", "300ms")));
        ConfigurableApplicationContext other = nodes.start(withPayPal(Map.of()));
        PayPalWebhooks.freshAllowance(other.getBean(RateLimiter.class));
        JdbcClient jdbc = other.getBean(JdbcClient.class);
        Customer customer = new TestData(jdbc).newCustomer("USD");
        TestData.signIn(customer.username());
        String orderId = "5S" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        PAYPAL.createsOrder(orderId);
        TopUpOutcome outcome = other.getBean(TopUpService.class).topUp(new TopUpRequest(
                customer.person(), "45.00", new MethodChoice.Checkout("paypal"), false, UUID.randomUUID().toString()));
        assertThat(outcome).isInstanceOf(TopUpOutcome.RedirectToProvider.class);
        var redirect = (TopUpOutcome.RedirectToProvider) outcome;
        String key = jdbc.sql("select idempotency_key from payment where id = ?").param(redirect.paymentId().value())
                .query(String.class).single();
        // PayPal answers about the order slowly (within our read timeout), long after the node's limit has passed.
        PAYPAL.orderIsSlowly(orderId, "APPROVED", key, "45.00", 1200);
        PAYPAL.captures(orderId, key, "45.00", "USD", "COMPLETED", false);
        String eventId = "WH-" + UUID.randomUUID();
        String event = PayPalWebhooks.orderApproved(eventId, orderId, key);

        var toStopping = new PayPalWebhooks(port(stopping), Clock.systemUTC());
        CompletableFuture<HttpResponse<String>> cutOff = CompletableFuture.supplyAsync(() -> {
            try {
                return toStopping.send(event, PayPalFake.GOOD_SIGNATURE);
            } catch (Exception e) {
                return null;
            }
        });
        awaitClaimed(jdbc, eventId);
        stopping.close();

        assertThat(jdbc.sql("select count(*) from paypal_event where event_id = ?").param(eventId)
                .query(Integer.class).single()).as("the event given back at shutdown, not held for its lease")
                .isZero();
        cutOff.get(30, TimeUnit.SECONDS);

        var toOther = new PayPalWebhooks(port(other), Clock.systemUTC());
        HttpResponse<String> redelivered = toOther.send(event, PayPalFake.GOOD_SIGNATURE);

        assertThat(redelivered.body()).isEqualTo("APPLIED");
        assertThat(jdbc.sql("select status from payment where id = ?").param(redirect.paymentId().value())
                .query(String.class).single()).isEqualTo("CREDITED");
        assertThat(jdbc.sql("select count(*) from ledger_entry where kind = 'TOP_UP' and reference = ?")
                .param("payment:" + redirect.paymentId().value()).query(Integer.class).single()).isEqualTo(1);
        assertThat(PAYPAL.capturesOf(orderId)).extracting(r -> r.getHeader("PayPal-Request-Id"))
                .as("any second capture replays the first at PayPal").containsOnly(key + ":capture");
    }

    private static Map<String, String> withPayPal(Map<String, String> more) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "billfold.gateway.paypal.client-id", "test-client-id",
                "billfold.gateway.paypal.client-secret", "test-client-secret",
                "billfold.gateway.paypal.webhook-id", "WH-TEST-1",
                "billfold.gateway.paypal.public-url", "https://billing.example.com",
                "billfold.gateway.paypal.read-timeout", "3s",
                "billfold.gateway.paypal.api-base-url", PAYPAL.baseUrl()));
        settings.putAll(more);
        return settings;
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static void awaitClaimed(JdbcClient jdbc, String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && jdbc.sql("select count(*) from paypal_event where event_id = ?")
                .param(eventId).query(Integer.class).single() == 0) {
            Thread.sleep(20);
        }
        assertThat(jdbc.sql("select outcome from paypal_event where event_id = ?").param(eventId)
                .query(String.class).single()).isEqualTo(PayPalEventLog.PROCESSING);
    }
}
