package dev.billfold.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldPostgresTest;
import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.ratelimit.RateLimiter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PayPal webhook delivery that dies between its work and its commit, for real: on PostgreSQL a trigger makes the
 * event's DONE mark fail inside the transaction that settles the payment, and its release too, as a node that died
 * there would leave it. The credit must roll back with the mark, and a redelivery after the claim's lease settles the
 * payment exactly once (DD-053). Shares its application context with {@link PayPalGatewayOnPostgresTest}.
 */
@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithLocalProviders
class PayPalWebhookCrashOnPostgresTest {

    static final PayPalFake PAYPAL = PayPalFake.shared();

    @Autowired
    RateLimiter rateLimiter;
    @Autowired
    TopUpService topUps;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PayPalProperties properties;
    @LocalServerPort
    int port;

    @SignedIn
    Customer customer;

    @BeforeEach
    void setUp() {
        PAYPAL.reset();
        PayPalWebhooks.freshAllowance(rateLimiter);
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void a_delivery_that_dies_before_its_commit_credits_nothing_and_its_redelivery_after_the_lease_credits_once()
            throws Exception {
        String orderId = "3D" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        PAYPAL.createsOrder(orderId);
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), "45.00",
                new MethodChoice.Checkout("paypal"), false, UUID.randomUUID().toString()));
        String key = keyOf(redirect.paymentId());
        PAYPAL.orderIs(orderId, "APPROVED", key, "45.00");
        PAYPAL.captures(orderId, key, "45.00", "USD", "COMPLETED", false);
        String eventId = "WH-" + UUID.randomUUID();
        String event = PayPalWebhooks.orderApproved(eventId, orderId, key);
        var webhooks = new PayPalWebhooks(port, clock);

        HttpResponse<String> died;
        dieAtTheCommitOf(eventId);
        try {
            died = webhooks.send(event, PayPalFake.GOOD_SIGNATURE);
        } finally {
            jdbc.sql("drop trigger paypal_event_dies on paypal_event").update();
            jdbc.sql("drop function paypal_event_dies()").update();
        }

        assertThat(died.statusCode()).isEqualTo(503);
        assertThat(PAYPAL.capturesOf(orderId)).as("the work ran: PayPal captured").hasSize(1);
        assertThat(statusOf(redirect.paymentId())).as("but its credit rolled back with the DONE mark")
                .isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(outcomeOf(eventId)).as("the dead delivery's claim is all that is left").isEqualTo("PROCESSING");
        assertThat(webhooks.send(event, PayPalFake.GOOD_SIGNATURE).statusCode()).as("within the lease").isEqualTo(503);

        clock.advance(properties.webhookClaimLease().plusSeconds(1));
        HttpResponse<String> redelivered = webhooks.send(event, PayPalFake.GOOD_SIGNATURE);

        assertThat(redelivered.body()).isEqualTo("APPLIED");
        assertThat(webhooks.send(event, PayPalFake.GOOD_SIGNATURE).body()).isEqualTo("Already processed");
        assertThat(statusOf(redirect.paymentId())).isEqualTo("CREDITED");
        assertThat(jdbc.sql("select count(*) from ledger_entry where kind = 'TOP_UP' and reference = ?")
                .param("payment:" + redirect.paymentId().value()).query(Integer.class).single())
                .as("exactly one entry, keyed by the payment it credits").isEqualTo(1);
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("45.00");
        assertThat(PAYPAL.capturesOf(orderId)).extracting(r -> r.getHeader("PayPal-Request-Id"))
                .as("the second capture replays the first at PayPal").containsOnly(key + ":capture");
    }

    /** From now on, marking or releasing this event fails, as if the node died right there. */
    private void dieAtTheCommitOf(String eventId) {
        jdbc.sql("""
                create function paypal_event_dies() returns trigger language plpgsql as $$
                begin
                    raise exception 'the node died before its commit';
                end $$""").update();
        // The id is our own UUID-based one; DDL takes no parameters.
        jdbc.sql("""
                create trigger paypal_event_dies before update or delete on paypal_event
                for each row when (old.event_id = '%s') execute function paypal_event_dies()""".formatted(eventId))
                .update();
    }

    private String keyOf(PaymentId id) {
        return jdbc.sql("select idempotency_key from payment where id = ?").param(id.value()).query(String.class)
                .single();
    }

    private String statusOf(PaymentId id) {
        return jdbc.sql("select status from payment where id = ?").param(id.value()).query(String.class).single();
    }

    private String outcomeOf(String eventId) {
        return jdbc.sql("select outcome from paypal_event where event_id = ?").param(eventId).query(String.class)
                .single();
    }
}
