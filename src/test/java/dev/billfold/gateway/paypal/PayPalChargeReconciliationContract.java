package dev.billfold.gateway.paypal;

import static dev.billfold.gateway.paypal.PayPalFake.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.payment.WaitingPaymentPoller;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.ratelimit.RateLimiter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A charge of a vaulted PayPal wallet whose answer was lost, reconciled by the poller with the real paypal-server-sdk
 * against the local PayPal: the same create re-sent with the same PayPal-Request-Id while PayPal keeps it (6 hours),
 * an order we know read and captured with its own request id, and past the window a hold for clarification without a
 * call, which PayPal's webhook still settles once. Runs on H2 and on PostgreSQL.
 */
@WithLocalProviders
abstract class PayPalChargeReconciliationContract {

    static final PayPalFake PAYPAL = PayPalFake.shared();

    @Autowired
    RateLimiter rateLimiter;
    @Autowired
    TopUpService topUps;
    @Autowired
    WaitingPaymentPoller poller;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @LocalServerPort
    int port;

    @SignedIn
    Customer customer;
    PaymentMethodId wallet;
    String orderId;

    @BeforeEach
    void setUp() {
        PAYPAL.reset();
        PayPalWebhooks.freshAllowance(rateLimiter);
        // Whole seconds: the database keeps microseconds, and the windows are compared to the instant.
        clock.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        // Charges other test classes left waiting in the shared database are moved out of the way, so that the
        // poller here re-sends only this test's own charge.
        jdbc.sql("update payment set status = 'REJECTED' where status = 'WAITING_FOR_PAYMENT' and method_kind = 'SAVED_METHOD'")
                .update();
        wallet = vaultedWallet(PAYPAL.vaultId());
        orderId = "7K" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
    }

    @Test
    void a_charge_that_timed_out_is_re_sent_with_the_same_paypal_request_id_and_credited_once() {
        PAYPAL.createOrderResponds(json(201, "{}").withFixedDelay(4_000));
        var waiting = charge("40");
        assertThat(waiting.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        String key = keyOf(waiting.paymentId());

        // PayPal did complete the order; the same request id gets that answer back.
        PAYPAL.createsCompletedOrder(orderId, key, "40.00", "USD");
        clock.advance(Duration.ofMinutes(3));
        poller.runCycle();

        assertThat(statusOf(waiting.paymentId())).isEqualTo("CREDITED");
        assertThat(referenceOf(waiting.paymentId())).isEqualTo(orderId);
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("40.00");
        List<LoggedRequest> creates = PAYPAL.creates();
        assertThat(creates).hasSize(2);
        assertThat(creates).extracting(r -> r.getHeader("PayPal-Request-Id")).containsOnly(key + ":charge");
        assertThat(creates.get(1).getBodyAsString()).as("the very same request").isEqualTo(creates.get(0).getBodyAsString());

        clock.advance(Duration.ofHours(1));
        poller.runCycle();
        assertThat(PAYPAL.creates()).as("a credited charge is never sent again").hasSize(2);
    }

    @Test
    void a_charge_paypal_reports_declined_on_the_retry_is_rejected() {
        PAYPAL.createOrderResponds(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        var waiting = charge("41");
        assertThat(waiting.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);

        PAYPAL.createOrderResponds(PayPalFake.unprocessable("INSTRUMENT_DECLINED",
                "The instrument presented was either declined by the processor or bank, or it can't be used for this payment."));
        clock.advance(Duration.ofMinutes(3));
        poller.runCycle();

        assertThat(statusOf(waiting.paymentId())).isEqualTo("REJECTED");
        assertThat(reasonOf(waiting.paymentId())).isEqualTo(PayPalGateway.FUNDING_DECLINED);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(PAYPAL.creates()).extracting(r -> r.getHeader("PayPal-Request-Id"))
                .containsOnly(keyOf(waiting.paymentId()) + ":charge");
    }

    @Test
    void an_approved_order_whose_capture_was_lost_is_read_and_captured_with_its_own_request_id_never_created_again() {
        String requestKey = UUID.randomUUID().toString();
        String key = TopUpRequest.idempotencyKeyFor(requestKey);
        PAYPAL.createOrderResponds(json(201, """
                {"id":"%s","intent":"CAPTURE","status":"APPROVED","purchase_units":[{"reference_id":"default","custom_id":"%s"}],
                 "links":[{"href":"https://api.sandbox.paypal.com/v2/checkout/orders/%1$s","rel":"self","method":"GET"}]}"""
                .formatted(orderId, key)));
        PAYPAL.captureResponds(orderId, WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        var waiting = charge("42", requestKey);
        assertThat(keyOf(waiting.paymentId())).isEqualTo(key);
        assertThat(statusOf(waiting.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(referenceOf(waiting.paymentId())).isEqualTo(orderId);

        PAYPAL.orderIs(orderId, "APPROVED", key, "42.00");
        PAYPAL.captures(orderId, key, "42.00", "USD", "COMPLETED", false);
        clock.advance(Duration.ofMinutes(3));
        poller.runCycle();

        assertThat(statusOf(waiting.paymentId())).isEqualTo("CREDITED");
        assertThat(PAYPAL.creates()).hasSize(1);
        assertThat(PAYPAL.capturesOf(orderId)).extracting(r -> r.getHeader("PayPal-Request-Id")).hasSize(2)
                .containsOnly(key + ":capture");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("42.00");
    }

    @Test
    void past_paypals_request_id_window_the_charge_is_held_without_a_call_and_the_webhook_still_credits_it_once() throws Exception {
        PAYPAL.createOrderResponds(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        var waiting = charge("43");
        String key = keyOf(waiting.paymentId());

        clock.advance(Duration.ofHours(5));
        poller.runCycle();

        assertThat(PAYPAL.creates()).as("never re-sent once PayPal may have forgotten the request id").hasSize(1);
        assertThat(statusOf(waiting.paymentId())).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(reasonOf(waiting.paymentId())).contains("can no longer be repeated safely");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();

        // PayPal did take it: the capture webhook names the order and carries our key; PayPal is asked, then it is credited.
        PAYPAL.orderIsCompleted(orderId, key, "43.00", "COMPLETED");
        String event = captureEvent("WH-" + UUID.randomUUID(), orderId, key, "43.00");
        assertThat(webhook(event).statusCode()).isEqualTo(200);
        assertThat(webhook(event).body()).isEqualTo("Already processed");
        assertThat(webhook(captureEvent("WH-" + UUID.randomUUID(), orderId, key, "43.00")).body()).isEqualTo("ALREADY_SETTLED");

        assertThat(statusOf(waiting.paymentId())).isEqualTo("CREDITED");
        assertThat(referenceOf(waiting.paymentId())).isEqualTo(orderId);
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("43.00");
        assertThat(PAYPAL.creates()).hasSize(1);
    }

    // --- helpers ---

    private TopUpOutcome.Completed charge(String amount) {
        return charge(amount, UUID.randomUUID().toString());
    }

    private TopUpOutcome.Completed charge(String amount, String requestKey) {
        return (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Saved(wallet), false, requestKey));
    }

    private PaymentMethodId vaultedWallet(String token) {
        var id = new PaymentMethodId(UUID.randomUUID());
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, created_at, version)
                        values (?, ?, ?, 'paypal', ?, 'PayPal · a•••@example.com', 'CONFIRMED', true, current_timestamp, 0)""")
                .params(id.value(), customer.accountId().value(), customer.person().value(), token).update();
        return id;
    }

    private static String captureEvent(String eventId, String orderId, String key, String value) {
        return PayPalWebhooks.capture(eventId, "PAYMENT.CAPTURE.COMPLETED", orderId, key, value);
    }

    private HttpResponse<String> webhook(String body) throws Exception {
        return new PayPalWebhooks(port, clock).send(body, PayPalFake.GOOD_SIGNATURE);
    }

    private String keyOf(PaymentId id) {
        return jdbc.sql("select idempotency_key from payment where id = ?").param(id.value()).query(String.class).single();
    }

    private String statusOf(PaymentId id) {
        return jdbc.sql("select status from payment where id = ?").param(id.value()).query(String.class).single();
    }

    private String reasonOf(PaymentId id) {
        return jdbc.sql("select status_reason from payment where id = ?").param(id.value()).query(String.class).single();
    }

    private String referenceOf(PaymentId id) {
        return jdbc.sql("select provider_reference from payment where id = ?").param(id.value()).query(String.class).single();
    }
}
