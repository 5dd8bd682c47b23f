package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundNotifications;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodService;
import dev.billfold.paymentmethod.PaymentMethodStatus;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Card-country rules (issue 19, part 2; DD-090) with the demo provider's cards, on H2 and PostgreSQL. The test
 * accounts are Kenyan, so the default list (application.properties) applies: the demo's Visa issued in Russia is
 * refused when it is saved, when a checkout took money with it (rejected, refunded once, nothing credited), and before
 * a saved one is charged. After every test the cached balance equals the entries.
 */
abstract class CardCountryContract {

    static final String REFUSED = "Cards issued in Russia cannot pay for accounts in Kenya.";

    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentRepository paymentRepository;
    @Autowired
    PaymentMethodService methods;
    @Autowired
    CardCountryRefunds cardRefunds;
    @Autowired
    RefundNotifications notifications;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    Ledger ledger;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @SignedIn(country = "KE")
    Customer customer;
    DemoCustomer payer;

    @BeforeEach
    void demoPayer() {
        payer = new DemoCustomer(gateways);
    }

    @AfterEach
    void ledgerInvariant() {
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_checkout_paid_with_a_refused_card_is_rejected_with_the_reason_refunded_once_and_credits_nothing() {
        Payment waiting = startCheckout("120.00");
        payer.payWithCardFromRussia(waiting.providerReference());

        PaymentDetails returned = payments.confirmReturn(waiting.id());
        assertThat(returned.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(returned.statusReason()).startsWith(REFUSED).contains("refunded to the card");

        // The return again, and the poller's sweep later: still one refund at the provider.
        payments.confirmReturn(waiting.id());
        clock.advance(Duration.ofHours(2));
        cardRefunds.sendDue();

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(providerRefunds(waiting)).isEqualTo(1);
        assertThat(refundStatus(waiting)).isEqualTo("SUCCEEDED");
    }

    @Test
    void the_refunds_own_news_finds_a_payment_that_never_credited_and_debits_nothing() {
        Payment waiting = startCheckout("50.00");
        payer.payWithCardFromRussia(waiting.providerReference());
        payments.confirmReturn(waiting.id());
        String refundId = jdbc.sql("select provider_refund_id from card_country_refund where payment_id = ?")
                .param(waiting.id().value()).query(String.class).single();

        var news = new ProviderRefund(waiting.idempotencyKey(), waiting.providerReference(), refundId,
                waiting.amount(), ProviderRefund.State.SUCCEEDED, null, null);
        notifications.refund("demo", news);
        notifications.refund("demo", news);

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(paymentRepository.findById(waiting.id()).orElseThrow().status()).isEqualTo(PaymentStatus.REJECTED);
    }

    @Test
    void returns_racing_each_other_reject_once_and_refund_once() throws Exception {
        Payment waiting = startCheckout("75.00");
        payer.payWithCardFromRussia(waiting.providerReference());

        AtOnce.signedIn(customer.username(), 8, i -> payments.confirmReturn(waiting.id()));
        cardRefunds.sendDue();

        assertThat(providerRefunds(waiting)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from card_country_refund where payment_id = ?")
                .param(waiting.id().value()).query(Integer.class).single()).isEqualTo(1);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_card_from_an_allowed_country_pays_as_before() {
        Payment waiting = startCheckout("40.00");
        payer.pay(waiting.providerReference());

        assertThat(payments.confirmReturn(waiting.id()).status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("40.00");
        assertThat(jdbc.sql("select count(*) from card_country_refund where payment_id = ?")
                .param(waiting.id().value()).query(Integer.class).single()).isZero();
    }

    @Test
    void the_same_card_pays_for_an_account_in_a_country_without_the_rule() {
        Customer american = data.newCustomer("USD", "OWNER", "US");
        TestData.signIn(american.username());
        try {
            var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(american.person(), "40.00",
                    new MethodChoice.Checkout("demo"), false, UUID.randomUUID().toString()));
            Payment waiting = paymentRepository.findById(redirect.paymentId()).orElseThrow();
            payer.payWithCardFromRussia(waiting.providerReference());

            assertThat(payments.confirmReturn(waiting.id()).status()).isEqualTo(PaymentStatus.CREDITED);
            assertThat(data.balance(american.accountId())).isEqualByComparingTo("40.00");
        } finally {
            TestData.signIn(customer.username());
        }
    }

    @Test
    void a_refused_card_saved_at_the_provider_is_not_saved_here_and_is_detached_there() {
        var setup = methods.startSetup(customer.person(), "demo");
        String setupReference = jdbc.sql("select setup_reference from payment_method where id = ?")
                .param(setup.methodId().value()).query(String.class).single();
        payer.saveCardFromRussia(setupReference);

        var status = methods.checkSetup(setup.methodId());

        assertThat(status.status()).isEqualTo(PaymentMethodStatus.FAILED);
        assertThat(status.failureReason()).isEqualTo(REFUSED + " The card was not saved.");
        String token = jdbc.sql("select token from demo_card where token in (select card_token from demo_setup "
                + "where id = ?)").param(setupReference).query(String.class).single();
        assertThat(payer.cardDetached(token)).as("detached at the provider after the commit").isTrue();
        assertThat(jdbc.sql("select provider_token from payment_method where id = ?")
                .param(setup.methodId().value()).query(String.class).optional()).isEmpty();
        assertThat(methods.checkSetup(setup.methodId()).status()).as("asked again: unchanged")
                .isEqualTo(PaymentMethodStatus.FAILED);
    }

    @Test
    void a_card_saved_before_its_country_was_refused_is_refused_before_any_charge() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "0009", true);
        // Saved while the rules allowed it: the provider had named its country.
        jdbc.sql("update payment_method set card_country = 'RU' where id = ?").param(card.value()).update();
        int before = data.payments(customer.accountId());

        assertThatThrownBy(() -> topUps.topUp(new TopUpRequest(customer.person(), "30.00",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith(REFUSED).hasMessageContaining("Nothing was charged");
        assertThat(data.payments(customer.accountId())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from demo_charge where card_token in (select provider_token from "
                + "payment_method where id = ?)").param(card.value()).query(Integer.class).single()).isZero();
    }

    private Payment startCheckout(String amount) {
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Checkout("demo"), false, UUID.randomUUID().toString()));
        return paymentRepository.findById(redirect.paymentId()).orElseThrow();
    }

    private int providerRefunds(Payment payment) {
        return jdbc.sql("select count(*) from demo_refund where payment_ref = ?").param(payment.providerReference())
                .query(Integer.class).single();
    }

    private String refundStatus(Payment payment) {
        return jdbc.sql("select status from card_country_refund where payment_id = ?").param(payment.id().value())
                .query(String.class).single();
    }
}
