package dev.billfold.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.BillfoldTest;
import dev.billfold.CapturedLogs;
import dev.billfold.SignedIn;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodService;
import dev.billfold.ratelimit.RateLimiter;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * docs/security.md, item 7: what PayPal's flows log at INFO and above, as production logs them, holds no client
 * secret, no access token, no vault token and no idempotency key, on the happy paths and on the failures that log.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithLocalProviders
class PayPalLogsTest {

    /** The access token {@link PayPalFake} hands out for the client credentials. */
    private static final String ACCESS_TOKEN = "A21AAFEpH4PsADK7qSS7pSRsgzfENtu";

    private static final PayPalFake PAYPAL = PayPalFake.shared();

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Autowired
    RateLimiter rateLimiter;
    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentMethodService methods;
    @Autowired
    PayPalProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;
    @SignedIn
    Customer customer;

    @BeforeEach
    void freshFake() {
        PAYPAL.reset();
        PayPalWebhooks.freshAllowance(rateLimiter);
    }

    @Test
    void a_checkout_settled_by_its_webhook_and_a_charge_of_the_saved_wallet_log_no_secret() throws Exception {
        String orderId = "5O190127TN" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        String checkoutRequest = UUID.randomUUID().toString();
        PAYPAL.createsOrder(orderId);
        var checkout = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), "20.00",
                new MethodChoice.Checkout("paypal"), true, checkoutRequest));
        String key = "topup:" + checkoutRequest;
        PAYPAL.orderIs(orderId, "APPROVED", key, "20.00");
        PAYPAL.captures(orderId, key, "20.00", "USD", "COMPLETED", true);
        assertThat(webhook(orderApproved(orderId, key)).body()).isEqualTo("APPLIED");
        assertThat(status(checkout.paymentId().value())).isEqualTo("CREDITED");

        String chargeRequest = UUID.randomUUID().toString();
        PAYPAL.createsCompletedOrder(orderId + "C", "topup:" + chargeRequest, "35.00", "USD");
        var charged = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "35",
                topUps.methodsFor(customer.person()).getFirst().choice(), false, chargeRequest));
        assertThat(charged.status()).isEqualTo(PaymentStatus.CREDITED);

        // News about an order Billfold does not know names someone's key all the same.
        String strangerRequest = UUID.randomUUID().toString();
        assertThat(webhook(captureCompleted("9XK41927" + orderId.substring(10), "topup:" + strangerRequest)).body())
                .isEqualTo("UNKNOWN_PAYMENT");

        logs.containNoneOf(List.of(properties.clientSecret(), ACCESS_TOKEN, PAYPAL.vaultId(), checkoutRequest,
                chargeRequest, strangerRequest));
    }

    @Test
    void removing_wallets_that_paypal_had_deleted_already_or_could_not_delete_logs_no_token() {
        String gone = PAYPAL.vaultId() + "g";
        PaymentMethodId goneWallet = savedWallet(gone);
        PAYPAL.vaultTokenDeletion(gone, 404);
        methods.remove(goneWallet);

        String stuck = PAYPAL.vaultId() + "f";
        PaymentMethodId stuckWallet = savedWallet(stuck);
        PAYPAL.vaultTokenDeletion(stuck, 503);
        assertThatThrownBy(() -> methods.remove(stuckWallet)).isInstanceOf(InvalidRequestException.class);

        logs.containNoneOf(List.of(properties.clientSecret(), ACCESS_TOKEN, gone, stuck));
    }

    private PaymentMethodId savedWallet(String token) {
        var id = new PaymentMethodId(UUID.randomUUID());
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, created_at, version)
                        values (?, ?, ?, 'paypal', ?, 'PayPal · a•••@example.com', 'CONFIRMED', false, current_timestamp, 0)""")
                .params(id.value(), customer.accountId().value(), customer.person().value(), token).update();
        return id;
    }

    private String status(UUID paymentId) {
        return jdbc.sql("select status from payment where id = ?").param(paymentId).query(String.class).single();
    }

    private static String orderApproved(String orderId, String key) {
        return """
                {"id":"WH-%s","event_version":"1.0","create_time":"2026-11-22T06:05:00Z","resource_type":"checkout-order",
                 "resource_version":"2.0","event_type":"CHECKOUT.ORDER.APPROVED","summary":"An order has been approved",
                 "resource":{"id":"%s","intent":"CAPTURE","status":"APPROVED",
                   "purchase_units":[{"reference_id":"default","amount":{"currency_code":"USD","value":"20.00"},
                     "custom_id":"%s"}]}}""".formatted(UUID.randomUUID(), orderId, key);
    }

    private static String captureCompleted(String orderId, String key) {
        return """
                {"id":"WH-%s","event_version":"1.0","create_time":"2026-11-22T06:05:00Z","resource_type":"capture",
                 "resource_version":"2.0","event_type":"PAYMENT.CAPTURE.COMPLETED","summary":"Payment completed",
                 "resource":{"id":"3C679366HH908993F","status":"COMPLETED","amount":{"currency_code":"USD","value":"1.00"},
                   "final_capture":true,"custom_id":"%s","invoice_id":"%2$s",
                   "supplementary_data":{"related_ids":{"order_id":"%s"}}}}""".formatted(UUID.randomUUID(), key, orderId);
    }

    private HttpResponse<String> webhook(String body) throws Exception {
        return new PayPalWebhooks(port, clock).send(body, PayPalFake.GOOD_SIGNATURE);
    }
}
