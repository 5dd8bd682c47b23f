package dev.billfold.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentService;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.ratelimit.RateLimiter;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PayPal's refund and reversal webhooks (DD-070): verified by PayPal first, then the refund and its capture are read
 * through the real SDK from the local PayPal, so the event body decides nothing. Partial and full refunds, pending then
 * failed, redeliveries, a reversal as a dispute lost, a bad signature refused before any write. H2 and PostgreSQL.
 */
@WithLocalProviders
abstract class PayPalRefundWebhookContract {

    // Refund ids of this test alone: the other PayPal refund tests share the database and its refund rows.
    private final String refund1 = PayPalRefundIds.next();
    private final String refund2 = PayPalRefundIds.next();
    private final String refund3 = PayPalRefundIds.next();
    private final String refund4 = PayPalRefundIds.next();
    private final String refund5 = PayPalRefundIds.next();

    static final PayPalFake PAYPAL = PayPalFake.shared();

    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    MutableClock clock;
    @Autowired
    RateLimiter rateLimiter;
    @LocalServerPort
    int port;

    @SignedIn
    Customer customer;
    String orderId;
    String captureId;
    PayPalWebhooks webhooks;

    @BeforeEach
    void setUp() {
        PAYPAL.reset();
        PayPalWebhooks.freshAllowance(rateLimiter);
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        orderId = "8W" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        captureId = "3C" + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase();
        webhooks = new PayPalWebhooks(port, clock);
    }

    @AfterEach
    void ledgerInvariant() {
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_partial_refund_is_read_from_paypal_debited_once_and_redeliveries_change_nothing() throws Exception {
        PaymentId paid = credited("100.00");
        String refund = refund1;
        PAYPAL.refundIs(refund, captureId, "COMPLETED", "30.00");
        String event = refunded(refund, "9.99");

        HttpResponse<String> first = webhooks.send(event, PayPalFake.GOOD_SIGNATURE);
        HttpResponse<String> again = webhooks.send(event, PayPalFake.GOOD_SIGNATURE);
        HttpResponse<String> other = webhooks.send(refunded(refund, "9.99"), PayPalFake.GOOD_SIGNATURE);

        assertThat(first.body()).isEqualTo("APPLIED");
        assertThat(again.body()).isEqualTo("Already processed");
        assertThat(other.body()).as("another delivery of the same refund").isEqualTo("UNCHANGED");
        assertThat(data.balance(customer.accountId())).as("PayPal's amount, not the event's")
                .isEqualByComparingTo("70.00");
        assertThat(statusOf(paid)).isEqualTo(PaymentStatus.CREDITED);
        assertThat(entries("REFUND")).isEqualTo(1);
    }

    @Test
    void a_full_refund_makes_the_payment_refunded() throws Exception {
        PaymentId paid = credited("100.00");
        PAYPAL.refundIs(refund2, captureId, "COMPLETED", "100.00");

        webhooks.send(refunded(refund2, "100.00"), PayPalFake.GOOD_SIGNATURE);

        assertThat(statusOf(paid)).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
    }

    @Test
    void a_pending_refund_debits_at_once_and_when_paypal_reports_it_failed_the_money_comes_back_once() throws Exception {
        credited("100.00");
        String refund = refund3;
        PAYPAL.refundIs(refund, captureId, "PENDING", "40.00");
        webhooks.send(refunded(refund, "40.00"), PayPalFake.GOOD_SIGNATURE);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("60.00");

        PAYPAL.refundIs(refund, captureId, "FAILED", "40.00");
        webhooks.send(refunded(refund, "40.00"), PayPalFake.GOOD_SIGNATURE);
        webhooks.send(refunded(refund, "40.00"), PayPalFake.GOOD_SIGNATURE);

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(entries("REFUND_RETURN")).isEqualTo(1);
    }

    @Test
    void a_reversal_is_a_dispute_already_lost_debited_once() throws Exception {
        PaymentId paid = credited("100.00");
        PAYPAL.refundIs(refund4, captureId, "COMPLETED", "100.00");
        String event = event("PAYMENT.CAPTURE.REVERSED", refund4, "100.00");

        assertThat(webhooks.send(event, PayPalFake.GOOD_SIGNATURE).body()).isEqualTo("APPLIED");
        webhooks.send(event("PAYMENT.CAPTURE.REVERSED", refund4, "100.00"), PayPalFake.GOOD_SIGNATURE);

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(entries("DISPUTE")).isEqualTo(1);
        assertThat(statusOf(paid)).as("a dispute is shown beside the status").isEqualTo(PaymentStatus.CREDITED);
    }

    @Test
    void a_refund_webhook_with_a_bad_signature_is_refused_before_paypal_is_asked_about_the_refund() throws Exception {
        credited("100.00");
        PAYPAL.refundIs(refund5, captureId, "COMPLETED", "100.00");

        HttpResponse<String> forged = webhooks.send(refunded(refund5, "100.00"), "forged-signature");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(PAYPAL.refundReads()).isEmpty();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(jdbc.sql("select count(*) from payment_refund where provider_refund_id = ?")
                .param(refund5).query(Integer.class).single()).isZero();
    }

    private PaymentId credited(String amount) {
        PAYPAL.createsOrder(orderId);
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Checkout("paypal"), false, UUID.randomUUID().toString()));
        String key = jdbc.sql("select idempotency_key from payment where id = ?")
                .param(redirect.paymentId().value()).query(String.class).single();
        PAYPAL.orderIs(orderId, "APPROVED", key, amount);
        PAYPAL.captures(orderId, key, amount, "USD", "COMPLETED", false);
        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        PAYPAL.captureIs(captureId, orderId, key, amount);
        return redirect.paymentId();
    }

    private String refunded(String refundId, String value) {
        return event("PAYMENT.CAPTURE.REFUNDED", refundId, value);
    }

    /** PayPal's event: its resource is the refund, which we read again from PayPal. */
    private static String event(String type, String refundId, String value) {
        return """
                {"id":"WH-%s","event_version":"1.0","create_time":"2026-11-22T07:00:00Z","resource_type":"refund",
                 "resource_version":"2.0","event_type":"%s","summary":"A payment capture was refunded",
                 "resource":{"id":"%s","status":"COMPLETED","amount":{"currency_code":"USD","value":"%s"}}}"""
                .formatted(UUID.randomUUID(), type, refundId, value);
    }

    private PaymentStatus statusOf(PaymentId id) {
        return PaymentStatus.valueOf(jdbc.sql("select status from payment where id = ?").param(id.value())
                .query(String.class).single());
    }

    private int entries(String kind) {
        return jdbc.sql("select count(*) from ledger_entry where account_id = ? and kind = ?")
                .params(customer.accountId().value(), kind).query(Integer.class).single();
    }
}
