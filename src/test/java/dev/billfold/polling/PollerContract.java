package dev.billfold.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.gateway.CheckoutRequest;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentNotifications;
import dev.billfold.gateway.ScriptedGateway;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.BankConfirmation;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentService;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.payment.WaitingPaymentPoller;
import dev.billfold.paymentmethod.PendingMethodPoller;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The background checks, one transition at a time, against a scripted provider and a clock the test moves: pending
 * methods confirmed, rejected, backed off and given up; waiting payments credited once, rejected and deleted when
 * unpaid; cards past their expiry. The context is the one of all provider tests ({@link WithLocalProviders}); the
 * clock here stands in March 2026, before anything the Stripe and PayPal tests leave waiting is due.
 */
@WithLocalProviders
abstract class PollerContract {

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    PendingMethodPoller methodPoller;
    @Autowired
    WaitingPaymentPoller paymentPoller;
    @Autowired
    PaymentNotifications notifications;
    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentHistoryQuery history;
    @Autowired
    Ledger ledger;

    final ScriptedGateway provider = ScriptedGateway.SHARED;
    PollerFixtures rows;
    Customer customer;

    @BeforeEach
    void fresh() {
        clock.set(START);
        provider.reset();
        rows = new PollerFixtures(jdbc);
        customer = data.newCustomer("USD");
        // Rows of earlier tests in the shared database are moved out of the way, so each test sees only its own.
        jdbc.sql("update payment_method set status = 'FAILED', is_default = false where status = 'PENDING' and provider = ?")
                .param(ScriptedGateway.ID).update();
        jdbc.sql("update payment set status = 'REJECTED' where status = 'WAITING_FOR_PAYMENT' and method_kind = 'SAVED_METHOD'")
                .update();
    }

    @Test
    void a_method_the_provider_confirmed_becomes_confirmed_and_the_payers_first_becomes_its_default() {
        UUID first = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_1_" + UUID.randomUUID(), START);
        UUID second = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_2_" + UUID.randomUUID(), START);
        provider.confirmSetup(reference(first), "pm_first_" + first);
        methodPoller.runCycle();

        assertThat(rows.methodStatus(first)).isEqualTo("CONFIRMED");
        assertThat(rows.isDefault(first)).isTrue();
        assertThat(rows.methodStatus(second)).isEqualTo("PENDING");

        provider.confirmSetup(reference(second), "pm_second_" + second);
        clock.advance(Duration.ofMinutes(1));
        methodPoller.runCycle();
        assertThat(rows.methodStatus(second)).isEqualTo("CONFIRMED");
        assertThat(rows.isDefault(second)).as("only the first confirmed method becomes the default").isFalse();
        assertThat(rows.isDefault(first)).isTrue();
    }

    @Test
    void a_method_the_provider_rejected_fails_with_the_providers_reason() {
        UUID method = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_r_" + UUID.randomUUID(), START);
        provider.reject(reference(method), "Your card does not support saving.");
        methodPoller.runCycle();

        assertThat(rows.methodStatus(method)).isEqualTo("FAILED");
        assertThat(rows.failureReason(method)).isEqualTo("Your card does not support saving.");
        assertThat(rows.isDefault(method)).isFalse();
    }

    @Test
    void a_method_still_pending_is_asked_again_after_1_5_15_minutes_then_an_hour_and_never_before() {
        UUID method = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_p_" + UUID.randomUUID(), START);
        String ref = reference(method);
        Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)};
        int asked = 0;
        for (Duration delay : expected) {
            methodPoller.runCycle();
            asked++;
            assertThat(provider.questions(ref)).isEqualTo(asked);
            assertThat(rows.attempts("payment_method", method)).isEqualTo(asked);
            assertThat(rows.nextCheck("payment_method", method)).isEqualTo(clock.instant().plus(delay));

            clock.advance(delay.minusSeconds(1));
            methodPoller.runCycle();
            assertThat(provider.questions(ref)).as("not asked before it is due").isEqualTo(asked);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(rows.methodStatus(method)).isEqualTo("PENDING");
    }

    @Test
    void the_backoff_is_capped_at_24_hours() {
        UUID method = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_c_" + UUID.randomUUID(), START);
        for (int i = 0; i < 8; i++) {
            methodPoller.runCycle();
            Instant next = rows.nextCheck("payment_method", method);
            assertThat(Duration.between(clock.instant(), next)).isLessThanOrEqualTo(Duration.ofHours(24));
            clock.set(next);
        }
        methodPoller.runCycle();
        assertThat(Duration.between(clock.instant(), rows.nextCheck("payment_method", method))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void a_method_not_confirmed_within_seven_days_fails_as_not_confirmed_in_time() {
        UUID method = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_g_" + UUID.randomUUID(), START);
        UUID unopened = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, null, START);
        methodPoller.runCycle();
        clock.set(START.plus(Duration.ofDays(7)).minusSeconds(1));
        methodPoller.runCycle();
        assertThat(rows.methodStatus(method)).isEqualTo("PENDING");
        assertThat(rows.methodStatus(unopened)).as("a setup that never opened is not asked about").isEqualTo("PENDING");
        assertThat(Duration.between(clock.instant(), rows.nextCheck("payment_method", method)))
                .as("the last check is at the deadline, not a day after").isEqualTo(Duration.ofSeconds(1));

        clock.set(START.plus(Duration.ofDays(7)));
        methodPoller.runCycle();
        assertThat(rows.methodStatus(method)).isEqualTo("FAILED");
        assertThat(rows.failureReason(method)).isEqualTo("Not confirmed in time: the provider did not confirm the method within 7 days.");
        assertThat(rows.methodStatus(unopened)).isEqualTo("FAILED");
        assertThat(provider.questions(reference(method))).as("asked once more before giving up").isGreaterThan(1);
    }

    @Test
    void a_waiting_payment_the_provider_reports_paid_is_credited_exactly_once() {
        String ref = "cs_paid_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "42.50", START);
        provider.pay(ref, Money.of(new BigDecimal("42.50"), Currency.getInstance("USD")));

        paymentPoller.runCycle();
        clock.advance(Duration.ofHours(2));
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("CREDITED");
        assertThat(rows.credits(payment)).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("42.50");
        assertThat(provider.questions(ref)).as("a settled payment is not asked about again").isEqualTo(1);
    }

    @Test
    void a_waiting_payment_the_provider_declined_is_rejected_and_credits_nothing() {
        String ref = "cs_declined_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "10.00", START);
        provider.reject(ref, "Your card was declined.");
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("REJECTED");
        assertThat(rows.paymentReason(payment)).isEqualTo("Your card was declined.");
        assertThat(rows.credits(payment)).isZero();
    }

    @Test
    void a_waiting_checkout_is_backed_off_and_deleted_after_three_days_when_the_provider_still_has_nothing() {
        String ref = "cs_open_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "10.00", START);
        paymentPoller.runCycle();
        assertThat(rows.nextCheck("payment", payment)).isEqualTo(START.plus(Duration.ofMinutes(1)));

        clock.set(START.plus(Duration.ofDays(3)).minusSeconds(1));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");

        clock.set(START.plus(Duration.ofDays(3)));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(payment)).isEqualTo("DELETED");
        assertThat(rows.paymentReason(payment)).isEqualTo("Not paid within 3 days; deleted.");
        assertThat(rows.credits(payment)).isZero();
    }

    @Test
    void an_unpaid_invoice_is_deleted_after_thirty_days_and_a_checkout_never_opened_after_three() {
        UUID invoice = rows.waitingPayment(customer, "INVOICE", null, null, "500.00", START);
        UUID unopened = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, null, "20.00", START);

        clock.set(START.plus(Duration.ofDays(3)).minusSeconds(1));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(unopened)).isEqualTo("WAITING_FOR_PAYMENT");

        clock.set(START.plus(Duration.ofDays(3)));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(unopened)).isEqualTo("DELETED");
        assertThat(rows.paymentStatus(invoice)).as("an invoice has 30 days").isEqualTo("WAITING_FOR_PAYMENT");

        clock.set(START.plus(Duration.ofDays(30)).minusSeconds(1));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(invoice)).isEqualTo("WAITING_FOR_PAYMENT");
        clock.set(START.plus(Duration.ofDays(30)));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(invoice)).isEqualTo("DELETED");
        assertThat(rows.paymentReason(invoice)).isEqualTo("Not paid within 30 days; deleted.");
    }

    // --- checkouts whose provider cannot be asked at their expiry (issue 14, item 8) ---

    /** What a customer reads on a checkout held because its provider could not be asked at its expiry. */
    static final String HELD_UNASKED = "The provider has not told us within 3 days whether this payment was made. We "
            + "will ask it again as soon as it is available; the payment is credited as soon as the provider confirms it.";
    /** A provider id no gateway of this context has: a provider switched off by configuration. */
    static final String SWITCHED_OFF = "switched-off";

    @Test
    void a_checkout_of_a_switched_off_provider_is_held_for_clarification_at_its_expiry_not_deleted_unasked() {
        String ref = "cs_off_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", SWITCHED_OFF, ref, "42.50", START);
        UUID unopened = rows.waitingPayment(customer, "CHECKOUT", SWITCHED_OFF, null, "20.00", START);

        clock.set(START.plus(Duration.ofDays(3)).minusSeconds(1));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");

        clock.set(START.plus(Duration.ofDays(3)));
        paymentPoller.runCycle();
        clock.advance(Duration.ofDays(10));
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).as("it may have been paid: it waits for its provider")
                .isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(rows.paymentReason(payment)).isEqualTo(HELD_UNASKED);
        assertThat(rows.paymentStatus(unopened)).as("never opened at the provider, so nothing can have been paid")
                .isEqualTo("DELETED");
        assertThat(rows.credits(payment)).isZero();
        TestData.signIn(customer.username());
        var shown = history.details(new PaymentId(payment));
        assertThat(shown.status().label()).isEqualTo("Waiting for clarification");
        assertThat(shown.statusReason()).isEqualTo(HELD_UNASKED);
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_checkout_whose_provider_does_not_answer_at_its_expiry_is_held_and_credited_once_when_it_answers() {
        String ref = "cs_silent_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "42.50", START);
        provider.down(true);
        clock.set(START.plus(Duration.ofDays(3)));

        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).as("a timeout says nothing about the payment")
                .isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(rows.paymentReason(payment)).isEqualTo(HELD_UNASKED);
        assertThat(rows.nextCheck("payment", payment)).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(rows.nextCheck("payment", payment)).as("backed off like any unanswered question")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));

        provider.down(false);
        provider.pay(ref, usd("42.50"));
        clock.advance(Duration.ofMinutes(5));
        paymentPoller.runCycle();
        clock.advance(Duration.ofHours(1));
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("CREDITED");
        assertThat(provider.questions(ref)).as("a settled payment is not asked about again").isEqualTo(3);
        assertThat(notifications.byProviderReference(ScriptedGateway.ID, ref,
                GatewayResult.succeeded(ref, usd("42.50"), null))).isEqualTo(PaymentNotifications.Outcome.ALREADY_SETTLED);
        assertThat(rows.credits(payment)).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("42.50");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_held_checkout_is_deleted_when_its_provider_answers_it_is_unpaid_and_rejected_when_it_answers_declined() {
        String open = "cs_held_open_" + UUID.randomUUID();
        String declined = "cs_held_declined_" + UUID.randomUUID();
        UUID unpaid = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, open, "10.00", START);
        UUID refused = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, declined, "11.00", START);
        provider.down(true);
        clock.set(START.plus(Duration.ofDays(3)));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(unpaid)).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(rows.paymentStatus(refused)).isEqualTo("WAITING_FOR_CLARIFICATION");

        provider.down(false);
        provider.reject(declined, "Your card was declined.");
        clock.advance(Duration.ofMinutes(1));
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(unpaid)).isEqualTo("DELETED");
        assertThat(rows.paymentReason(unpaid)).isEqualTo("Not paid within 3 days; deleted.");
        assertThat(rows.paymentStatus(refused)).isEqualTo("REJECTED");
        assertThat(rows.paymentReason(refused)).isEqualTo("Your card was declined.");
        assertThat(notifications.byProviderReference(ScriptedGateway.ID, open,
                GatewayResult.pending(open, "Still open."))).isEqualTo(PaymentNotifications.Outcome.ALREADY_SETTLED);
        assertThat(rows.credits(unpaid) + rows.credits(refused)).isZero();
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_provider_that_times_out_leaves_its_items_waiting_and_the_other_providers_payments_are_still_settled() {
        String ref = "cs_down_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "10.00", START);
        Money amount = Money.of(new BigDecimal("15.00"), Currency.getInstance("USD"));
        var demoCheckout = gateways.require("demo").startCheckout(new CheckoutRequest("poller-demo:" + UUID.randomUUID(),
                amount, customer.person().value().toString(), "Pat Person", "Top-up", "/payment-return/x", "/payment-return/x", false));
        new DemoCustomer(gateways).pay(demoCheckout.reference());
        UUID demoPayment = rows.waitingPayment(customer, "CHECKOUT", "demo", demoCheckout.reference(), "15.00", START);
        provider.down(true);
        provider.latency(Duration.ofMillis(200), false);

        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(rows.attempts("payment", payment)).isEqualTo(1);
        assertThat(rows.paymentReason(payment)).isEqualTo("The provider did not answer; we will check again shortly.");
        assertThat(rows.paymentStatus(demoPayment)).isEqualTo("CREDITED");
        assertThat(rows.credits(demoPayment)).isEqualTo(1);
    }

    @Test
    void a_confirmed_card_past_its_expiry_month_becomes_expired_and_stops_being_the_default() {
        var card = data.savedCard(customer, customer.person(), "4242", true);
        jdbc.sql("update payment_method set expires_on = ? where id = ?").params(LocalDate.parse("2026-02-28"), card.value()).update();
        methodPoller.runCycle();
        assertThat(rows.methodStatus(card.value())).isEqualTo("EXPIRED");
        assertThat(rows.isDefault(card.value())).isFalse();
    }

    // --- saved-method charges whose answer was lost ---

    @Test
    void a_demo_charge_whose_answer_was_lost_is_re_sent_with_its_key_replayed_by_the_provider_and_credited_once() {
        var card = data.savedCard(customer, customer.person(), "4242", true);
        String token = jdbc.sql("select provider_token from payment_method where id = ?").param(card.value())
                .query(String.class).single();
        UUID payment = rows.waitingCharge(customer, "demo", card.value(), token, null, "25.00", START, "Balance top-up");
        String key = "poller:" + payment;
        // The first request reached the provider and took the money; its answer never came back to us.
        var first = gateways.require("demo").chargeSavedMethod(new dev.billfold.gateway.ChargeRequest(key,
                customer.person().value().toString(), token, usd("25.00"), "Balance top-up"));

        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(payment)).as("left alone while the first request may be on its way").isEqualTo("WAITING_FOR_PAYMENT");

        clock.advance(Duration.ofMinutes(2));
        paymentPoller.runCycle();
        clock.advance(Duration.ofHours(1));
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("CREDITED");
        assertThat(rows.credits(payment)).isEqualTo(1);
        assertThat(providerReference(payment)).isEqualTo(first.reference());
        assertThat(jdbc.sql("select count(*) from demo_charge where idempotency_key = ?").param(key).query(Integer.class).single())
                .as("the provider charged once").isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("25.00");
    }

    @Test
    void a_lost_charge_is_re_sent_unchanged_backed_off_and_a_decline_on_retry_rejects_it() {
        UUID method = rows.confirmedMethod(customer, ScriptedGateway.ID, "pm_scripted_" + UUID.randomUUID());
        UUID payment = rows.waitingCharge(customer, ScriptedGateway.ID, method, "pm_tok", null, "30.00", START,
                "Balance top-up, account \"Old name\"");
        String key = "poller:" + payment;
        clock.advance(Duration.ofMinutes(2));

        paymentPoller.runCycle();
        assertThat(provider.chargesSent()).singleElement().satisfies(sent -> {
            assertThat(sent.idempotencyKey()).isEqualTo(key);
            assertThat(sent.methodToken()).isEqualTo("pm_tok");
            assertThat(sent.payerId()).isEqualTo(customer.person().value().toString());
            assertThat(sent.amount()).isEqualTo(usd("30.00"));
            assertThat(sent.description()).as("as first sent, whatever the account is called now")
                    .isEqualTo("Balance top-up, account \"Old name\"");
        });
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(rows.nextCheck("payment", payment)).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        provider.chargeDeclined(key, "ch_declined_" + payment, "Your card has insufficient funds.");
        clock.advance(Duration.ofMinutes(1));
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("REJECTED");
        assertThat(rows.paymentReason(payment)).isEqualTo("Your card has insufficient funds.");
        assertThat(rows.credits(payment)).isZero();
        assertThat(provider.questions(key)).isEqualTo(2);
    }

    @Test
    void a_lost_charge_past_the_replay_window_is_held_for_clarification_without_a_call_and_later_news_settles_it_once() {
        UUID method = rows.confirmedMethod(customer, ScriptedGateway.ID, "pm_scripted_" + UUID.randomUUID());
        UUID payment = rows.waitingCharge(customer, ScriptedGateway.ID, method, "pm_tok", null, "40.00", START, "Top-up");
        UUID declined = rows.waitingCharge(customer, ScriptedGateway.ID, method, "pm_tok", null, "41.00", START, "Top-up");
        clock.set(START.plus(Duration.ofHours(23)));

        paymentPoller.runCycle();

        assertThat(provider.chargesSent()).as("never re-sent once the provider may have forgotten the key").isEmpty();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(rows.paymentReason(payment)).isEqualTo("The provider did not answer when this payment was charged, and "
                + "the charge can no longer be repeated safely to learn its outcome. Support will check it with the "
                + "provider; nothing will be charged again.");
        assertThat(rows.credits(payment)).isZero();

        // The provider's webhook arrives after all, twice: credited once.
        var paid = GatewayResult.succeeded("ch_late_" + payment, usd("40.00"), null);
        assertThat(notifications.byIdempotencyKey(ScriptedGateway.ID, "poller:" + payment, paid))
                .isEqualTo(PaymentNotifications.Outcome.APPLIED);
        assertThat(notifications.byIdempotencyKey(ScriptedGateway.ID, "poller:" + payment, paid))
                .isEqualTo(PaymentNotifications.Outcome.ALREADY_SETTLED);
        assertThat(rows.paymentStatus(payment)).isEqualTo("CREDITED");
        assertThat(rows.credits(payment)).isEqualTo(1);
        assertThat(providerReference(payment)).isEqualTo("ch_late_" + payment);

        notifications.byIdempotencyKey(ScriptedGateway.ID, "poller:" + declined,
                GatewayResult.declined("ch_no_" + declined, "Your card was declined."));
        assertThat(rows.paymentStatus(declined)).isEqualTo("REJECTED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("40.00");
    }

    @Test
    void re_sends_stop_an_hour_before_the_replay_window_ends_and_the_charge_is_then_held() {
        provider.replayWindow(Duration.ofHours(6));
        UUID method = rows.confirmedMethod(customer, ScriptedGateway.ID, "pm_scripted_" + UUID.randomUUID());
        UUID payment = rows.waitingCharge(customer, ScriptedGateway.ID, method, "pm_tok", null, "50.00", START, "Top-up");
        String key = "poller:" + payment;
        clock.advance(Duration.ofMinutes(2));
        Instant lastResend = START.plus(Duration.ofHours(5));
        for (int i = 0; i < 10 && clock.instant().isBefore(lastResend); i++) {
            paymentPoller.runCycle();
            Instant next = rows.nextCheck("payment", payment);
            assertThat(next).isBeforeOrEqualTo(lastResend);
            clock.set(next);
        }
        assertThat(clock.instant()).isEqualTo(lastResend);
        int sent = provider.questions(key);

        paymentPoller.runCycle();

        assertThat(provider.questions(key)).as("no re-send at the end of the window").isEqualTo(sent);
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_CLARIFICATION");
    }

    @Test
    void a_charge_the_provider_still_reports_pending_after_three_days_is_held_never_deleted() {
        UUID method = rows.confirmedMethod(customer, ScriptedGateway.ID, "pm_scripted_" + UUID.randomUUID());
        String ref = "pi_processing_" + UUID.randomUUID();
        UUID payment = rows.waitingCharge(customer, ScriptedGateway.ID, method, "pm_tok", ref, "60.00", START, "Top-up");
        clock.advance(Duration.ofMinutes(2));
        paymentPoller.runCycle();
        assertThat(provider.questions(ref)).as("a charge with a reference is asked about, not re-sent").isEqualTo(1);
        assertThat(provider.chargesSent()).isEmpty();

        clock.set(START.plus(Duration.ofDays(3)));
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(rows.paymentReason(payment)).isEqualTo("The provider has not given a final answer about this charge "
                + "within 3 days. Support will check it with the provider; it is credited as soon as the provider confirms it.");

        provider.pay(ref, usd("60.00"));
        clock.advance(Duration.ofDays(1));
        paymentPoller.runCycle();
        assertThat(provider.questions(ref)).as("held charges are left to support and the webhooks").isEqualTo(2);
    }

    @Test
    void a_lost_charge_without_a_recorded_request_is_held_without_a_call() {
        UUID method = rows.confirmedMethod(customer, ScriptedGateway.ID, "pm_scripted_" + UUID.randomUUID());
        UUID payment = rows.waitingCharge(customer, ScriptedGateway.ID, method, "pm_tok", null, "70.00", START, null);
        clock.advance(Duration.ofMinutes(2));

        paymentPoller.runCycle();

        assertThat(provider.chargesSent()).isEmpty();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(rows.paymentReason(payment)).startsWith("The provider did not answer when this payment was charged, "
                + "and the charge cannot be repeated exactly.");
    }

    // --- saved-method charges that wait for their customer's bank (DD-037, DD-043) ---

    static final String BANK_CONFIRMATION_NEEDED = GatewayResult.CustomerAction.BANK_CONFIRMATION_NEEDED;
    static final String NOT_CONFIRMED = "Not confirmed with your bank within 3 days. Nothing was charged.";

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void a_charge_waiting_for_its_customer_costs_no_provider_call_keeps_its_button_and_is_not_held_within_three_days() {
        provider.cancels(true);
        String ref = "pi_auth_" + UUID.randomUUID();
        UUID payment = chargeWaitingForCustomer(ref, "80.00", 0);

        for (Instant at = START.plus(Duration.ofMinutes(2)); at.isBefore(START.plus(Duration.ofDays(3)));
             at = at.plus(Duration.ofHours(6))) {
            clock.set(at);
            paymentPoller.runCycle();
        }
        clock.set(START.plus(Duration.ofDays(3)).minusSeconds(1));
        paymentPoller.runCycle();

        assertThat(provider.questions(ref)).as("only the customer can move it: never asked").isZero();
        assertThat(provider.chargesSent()).isEmpty();
        assertThat(provider.cancelKeys()).isEmpty();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(rows.paymentReason(payment)).isEqualTo(BANK_CONFIRMATION_NEEDED);
        assertThat(rows.customerActionOpen(payment)).as("the button stays").isTrue();
        assertThat(rows.credits(payment)).isZero();
    }

    @Test
    void a_charge_whose_customer_went_to_the_bank_is_read_by_reference_and_keeps_its_button_and_words_when_unanswered() {
        provider.cancels(true);
        String ref = "pi_sent_" + UUID.randomUUID();
        UUID payment = chargeWaitingForCustomer(ref, "81.00", 1);
        provider.waitsForCustomer(ref);
        clock.advance(Duration.ofMinutes(2));

        paymentPoller.runCycle();

        assertThat(provider.questions(ref)).isEqualTo(1);
        assertThat(provider.chargesSent()).as("read by reference, never re-sent").isEmpty();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(rows.customerActionOpen(payment)).isTrue();
        assertThat(rows.paymentReason(payment)).isEqualTo(BANK_CONFIRMATION_NEEDED);

        provider.down(true);
        clock.set(rows.nextCheck("payment", payment));
        paymentPoller.runCycle();

        assertThat(provider.questions(ref)).isEqualTo(2);
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(rows.customerActionOpen(payment)).as("an unanswered question clears nothing").isTrue();
        assertThat(rows.paymentReason(payment)).as("nor changes what the customer reads").isEqualTo(BANK_CONFIRMATION_NEEDED);
    }

    @Test
    void after_three_days_unconfirmed_the_charge_is_cancelled_at_the_provider_and_rejected_with_nothing_charged() {
        provider.cancels(true);
        String ref = "pi_expired_" + UUID.randomUUID();
        UUID payment = chargeWaitingForCustomer(ref, "82.00", 0);
        clock.set(START.plus(Duration.ofDays(3)));

        paymentPoller.runCycle();

        assertThat(provider.cancelKeys()).containsExactly("poller:" + payment + ":cancel:1");
        assertThat(provider.questions("cancel:" + ref)).isEqualTo(1);
        assertThat(rows.paymentStatus(payment)).isEqualTo("REJECTED");
        assertThat(rows.paymentReason(payment)).isEqualTo(NOT_CONFIRMED);
        assertThat(rows.customerActionOpen(payment)).isFalse();
        assertThat(rows.credits(payment)).isZero();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();

        clock.advance(Duration.ofDays(1));
        paymentPoller.runCycle();
        assertThat(provider.cancelKeys()).as("cancelled once").hasSize(1);
        assertThat(provider.questions(ref)).isZero();
    }

    @Test
    void a_charge_read_on_its_last_day_is_cancelled_at_three_days_not_held() {
        provider.cancels(true);
        String ref = "pi_last_day_" + UUID.randomUUID();
        UUID payment = chargeWaitingForCustomer(ref, "83.00", 1);
        provider.waitsForCustomer(ref);
        clock.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 20; i++) {
            paymentPoller.runCycle();
            if (!rows.paymentStatus(payment).equals("WAITING_FOR_PAYMENT")) {
                break;
            }
            assertThat(rows.customerActionOpen(payment)).isTrue();
            clock.set(rows.nextCheck("payment", payment));
        }

        assertThat(rows.paymentStatus(payment)).isEqualTo("REJECTED");
        assertThat(rows.paymentReason(payment)).isEqualTo(NOT_CONFIRMED);
        assertThat(provider.cancelKeys()).hasSize(1);
        assertThat(clock.instant()).as("cancelled when it expired, not held a moment before").isEqualTo(START.plus(Duration.ofDays(3)));
    }

    @Test
    void a_cancel_refused_because_the_customer_confirmed_meanwhile_credits_the_charge_exactly_once() {
        provider.cancels(true);
        String ref = "pi_confirmed_" + UUID.randomUUID();
        UUID payment = chargeWaitingForCustomer(ref, "84.00", 0);
        var paid = GatewayResult.succeeded(ref, usd("84.00"), null);
        provider.cancelAnswers(ref, paid);
        clock.set(START.plus(Duration.ofDays(3)));

        paymentPoller.runCycle();
        clock.advance(Duration.ofHours(1));
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("CREDITED");
        assertThat(provider.cancelKeys()).hasSize(1);
        assertThat(notifications.byIdempotencyKey(ScriptedGateway.ID, "poller:" + payment, paid))
                .isEqualTo(PaymentNotifications.Outcome.ALREADY_SETTLED);
        assertThat(rows.credits(payment)).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("84.00");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void an_unreachable_provider_leaves_the_unconfirmed_charge_waiting_with_its_button_and_the_next_cycle_cancels_it() {
        provider.cancels(true);
        String ref = "pi_unreachable_" + UUID.randomUUID();
        UUID payment = chargeWaitingForCustomer(ref, "85.00", 0);
        provider.down(true);
        clock.set(START.plus(Duration.ofDays(3)));

        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(rows.paymentReason(payment)).isEqualTo(BANK_CONFIRMATION_NEEDED);
        assertThat(rows.customerActionOpen(payment)).isTrue();
        assertThat(rows.nextCheck("payment", payment)).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(rows.credits(payment)).isZero();

        provider.down(false);
        clock.advance(Duration.ofMinutes(1));
        paymentPoller.runCycle();

        assertThat(provider.cancelKeys()).as("a key per try: Stripe replays a saved 5xx")
                .containsExactly("poller:" + payment + ":cancel:1", "poller:" + payment + ":cancel:2");
        assertThat(rows.paymentStatus(payment)).isEqualTo("REJECTED");
        assertThat(rows.paymentReason(payment)).isEqualTo(NOT_CONFIRMED);
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_cancel_refused_while_the_charge_still_waits_for_its_customer_holds_it_once_instead_of_asking_for_ever() {
        provider.cancels(true);
        String ref = "pi_refused_" + UUID.randomUUID();
        UUID payment = chargeWaitingForCustomer(ref, "87.00", 0);
        provider.cancelAnswers(ref, GatewayResult.waitingForCustomer(ref, BANK_CONFIRMATION_NEEDED,
                GatewayResult.CustomerAction.authenticate()));
        clock.set(START.plus(Duration.ofDays(3)));

        paymentPoller.runCycle();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(1));
            paymentPoller.runCycle();
        }

        assertThat(provider.cancelKeys()).as("one try: another cannot help").hasSize(1);
        assertThat(provider.questions(ref)).isZero();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(rows.paymentReason(payment)).startsWith("The provider has not given a final answer about this charge");
        assertThat(rows.customerActionOpen(payment)).isFalse();
        assertThat(rows.credits(payment)).isZero();
    }

    @Test
    void a_provider_that_cannot_cancel_still_holds_the_unconfirmed_charge_for_clarification() {
        String ref = "pi_no_cancel_" + UUID.randomUUID();
        UUID payment = chargeWaitingForCustomer(ref, "86.00", 0);
        provider.waitsForCustomer(ref);
        clock.set(START.plus(Duration.ofDays(3)));

        paymentPoller.runCycle();

        assertThat(provider.cancelKeys()).isEmpty();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(rows.paymentReason(payment)).startsWith("The provider has not given a final answer about this charge");
    }

    @Test
    void a_demo_charge_nobody_confirmed_is_cancelled_after_three_days_and_its_bank_page_can_no_longer_confirm_it() {
        TestData.signIn(customer.username());
        var waiting = demoChargeNeedingTheBank("45");
        assertThat(waiting.status()).isEqualTo(dev.billfold.payment.PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isTrue();
        String charge = providerReference(waiting.paymentId().value());

        clock.advance(Duration.ofMinutes(2));
        paymentPoller.runCycle();
        clock.set(START.plus(Duration.ofDays(3)).minusSeconds(1));
        paymentPoller.runCycle();
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).as("the button stays for 3 days").isTrue();
        assertThat(demoChargeStatus(charge)).isEqualTo("PENDING");

        clock.set(START.plus(Duration.ofDays(3)));
        paymentPoller.runCycle();

        assertThat(demoChargeStatus(charge)).isEqualTo("CANCELLED");
        var rejected = history.details(waiting.paymentId());
        assertThat(rejected.status()).isEqualTo(dev.billfold.payment.PaymentStatus.REJECTED);
        assertThat(rejected.statusReason()).isEqualTo(NOT_CONFIRMED);
        assertThat(rejected.canConfirmWithBank()).isFalse();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new DemoCustomer(gateways).authenticate(charge)))
                .as("it can never succeed later").isInstanceOf(IllegalStateException.class);
        assertThat(rows.credits(waiting.paymentId().value())).isZero();
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_demo_charge_confirmed_at_the_bank_by_a_customer_who_never_came_back_is_read_and_credited_once() {
        TestData.signIn(customer.username());
        var waiting = demoChargeNeedingTheBank("46");
        String charge = providerReference(waiting.paymentId().value());
        assertThat(payments.confirmWithBank(waiting.paymentId())).isInstanceOf(BankConfirmation.GoToBank.class);
        new DemoCustomer(gateways).authenticate(charge);

        clock.advance(Duration.ofMinutes(2));
        paymentPoller.runCycle();
        clock.set(START.plus(Duration.ofDays(3)));
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(waiting.paymentId().value())).isEqualTo("CREDITED");
        assertThat(rows.credits(waiting.paymentId().value())).isEqualTo(1);
        assertThat(demoChargeStatus(charge)).isEqualTo("SUCCEEDED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("46.00");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    /** A scripted charge under {@code ref} that the provider said waits for its customer's bank, created at START. */
    private UUID chargeWaitingForCustomer(String ref, String amount, int attempts) {
        UUID method = rows.confirmedMethod(customer, ScriptedGateway.ID, "pm_scripted_" + UUID.randomUUID());
        UUID payment = rows.waitingCharge(customer, ScriptedGateway.ID, method, "pm_tok", ref, amount, START, "Top-up");
        rows.waitsForCustomer(payment, attempts, START);
        return payment;
    }

    /** A top-up with the demo card 4000 0027 6000 3184, whose bank asks the cardholder to confirm. */
    private TopUpOutcome.Completed demoChargeNeedingTheBank(String amount) {
        var card = data.savedCard(customer, customer.person(), "3184", true);
        return (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()));
    }

    private String demoChargeStatus(String charge) {
        return jdbc.sql("select status from demo_charge where id = ?").param(charge).query(String.class).single();
    }

    private static Money usd(String amount) {
        return Money.of(new BigDecimal(amount), Currency.getInstance("USD"));
    }

    private String providerReference(UUID payment) {
        return jdbc.sql("select provider_reference from payment where id = ?").param(payment).query(String.class).single();
    }

    private String reference(UUID method) {
        return jdbc.sql("select setup_reference from payment_method where id = ?").param(method).query(String.class).single();
    }
}
