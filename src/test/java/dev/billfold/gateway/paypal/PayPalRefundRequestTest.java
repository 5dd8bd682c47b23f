package dev.billfold.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.billfold.BillfoldTest;
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
import dev.billfold.refund.RefundAsk;
import dev.billfold.refund.RefundDesk;
import dev.billfold.refund.RefundJobs;
import dev.billfold.refund.RefundRequestId;
import dev.billfold.refund.RefundService;
import dev.billfold.staff.StaffRole;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refunds Billfold starts, sent to PayPal through the real PayPal SDK against the local PayPal: a refund of the order's
 * capture with the part's key as PayPal-Request-Id and custom id; full, partial pending then completed when asked
 * again, refused, pending then failed, and PayPal's refund webhook for our own refund taken once, never debited again.
 */
@WithLocalProviders
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayPalRefundRequestTest {

    // Refund ids of this test alone: the other PayPal refund tests share the database and its refund rows.
    private final String refund1 = PayPalRefundIds.next();
    private final String refund2 = PayPalRefundIds.next();
    private final String refund3 = PayPalRefundIds.next();

    static final PayPalFake PAYPAL = PayPalFake.shared();
    /** The capture id PayPalFake's completed orders carry. */
    static final String CAPTURE = "3C679366HH908993F";

    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    RefundService refunds;
    @Autowired
    RefundDesk desk;
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
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @SignedIn
    Customer customer;
    String orderId;
    PaymentId payment;
    PayPalWebhooks webhooks;

    @BeforeEach
    void setUp() {
        PAYPAL.reset();
        PayPalWebhooks.freshAllowance(rateLimiter);
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        orderId = "9R" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        webhooks = new PayPalWebhooks(port, clock);
    }

    @AfterEach
    void ledgerInvariant() {
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_full_refund_of_the_capture_carries_the_parts_key_and_paypals_webhook_for_it_changes_nothing()
            throws Exception {
        credited("100.00");
        PAYPAL.refundsCapture(CAPTURE, refund1, "COMPLETED", "100.00");
        RefundRequestId request = askAndApprove("100.00");

        LoggedRequest sent = PAYPAL.refundsOfCapture(CAPTURE).getFirst();
        String key = RefundJobs.partKey(context, request);
        assertThat(sent.getHeader("PayPal-Request-Id")).isEqualTo(key);
        assertThat(sent.getBodyAsString()).contains("\"custom_id\":\"" + key + "\"")
                .contains("\"value\":\"100.00\"").contains("\"currency_code\":\"USD\"");
        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("SUCCEEDED");
        assertThat(statusOf(payment)).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");

        PAYPAL.refundIs(refund1, CAPTURE, "COMPLETED", "100.00");
        String event = refunded(refund1, "100.00");
        webhooks.send(event, PayPalFake.GOOD_SIGNATURE);
        webhooks.send(refunded(refund1, "100.00"), PayPalFake.GOOD_SIGNATURE);

        assertThat(entries("REFUND")).as("our own refund is never debited again").isZero();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
    }

    @Test
    void a_partial_refund_pending_at_paypal_completes_when_paypal_is_asked_again() {
        credited("100.00");
        PAYPAL.refundsCapture(CAPTURE, refund2, "PENDING", "40.00");
        RefundRequestId request = askAndApprove("40.00");
        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("PENDING");

        PAYPAL.refundIs(refund2, CAPTURE, "COMPLETED", "40.00");
        RefundJobs.recheck(context);

        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("SUCCEEDED");
        assertThat(statusOf(payment)).as("refunded in part").isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("60.00");
    }

    @Test
    void a_refund_paypal_refuses_returns_the_reservation() {
        credited("100.00");
        PAYPAL.refundCaptureResponds(CAPTURE, PayPalFake.unprocessable("REFUND_AMOUNT_EXCEEDED",
                "The refund amount must be less than or equal to the capture amount that has not yet been refunded."));
        RefundRequestId request = askAndApprove("100.00");

        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("FAILED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(entries("REFUND_RELEASED")).isEqualTo(1);
    }

    @Test
    void a_pending_refund_that_fails_returns_the_reservation_once() {
        credited("100.00");
        PAYPAL.refundsCapture(CAPTURE, refund3, "PENDING", "100.00");
        RefundRequestId request = askAndApprove("100.00");

        PAYPAL.refundIs(refund3, CAPTURE, "FAILED", "100.00");
        RefundJobs.recheck(context);
        RefundJobs.recheck(context);

        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("FAILED");
        assertThat(entries("REFUND_RELEASED")).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(statusOf(payment)).isEqualTo(PaymentStatus.CREDITED);
    }

    private void credited(String amount) {
        PAYPAL.createsOrder(orderId);
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Checkout("paypal"), false, UUID.randomUUID().toString()));
        String key = jdbc.sql("select idempotency_key from payment where id = ?")
                .param(redirect.paymentId().value()).query(String.class).single();
        PAYPAL.orderIs(orderId, "APPROVED", key, amount);
        PAYPAL.captures(orderId, key, amount, "USD", "COMPLETED", false);
        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        // From now on PayPal answers the order with its capture, which a refund names.
        PAYPAL.orderIsCompleted(orderId, key, amount, "COMPLETED");
        PAYPAL.captureIs(CAPTURE, orderId, key, amount);
        payment = redirect.paymentId();
    }

    private RefundRequestId askAndApprove(String amount) {
        RefundRequestId id = refunds.request(RefundAsk.of(amount, UUID.randomUUID().toString())).id();
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.FINANCE));
        try {
            desk.approve(id, "");
        } finally {
            TestData.signIn(customer.username());
        }
        return id;
    }

    private static String refunded(String refundId, String value) {
        return """
                {"id":"WH-%s","event_version":"1.0","create_time":"2026-11-22T07:00:00Z","resource_type":"refund",
                 "resource_version":"2.0","event_type":"PAYMENT.CAPTURE.REFUNDED","summary":"A payment capture was refunded",
                 "resource":{"id":"%s","status":"COMPLETED","amount":{"currency_code":"USD","value":"%s"}}}"""
                .formatted(UUID.randomUUID(), refundId, value);
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
