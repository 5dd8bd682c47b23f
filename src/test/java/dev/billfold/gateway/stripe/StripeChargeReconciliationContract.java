package dev.billfold.gateway.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.billfold.MutableClock;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.WaitingPaymentPoller;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An off-session Stripe charge whose answer was lost (timeout, reset connection) is reconciled by the poller with the
 * real SDK against the local Stripe: re-sent byte for byte with the same Idempotency-Key while Stripe still replays
 * it, asked about by PaymentIntent id once we know one, held for clarification without a call once the key may be
 * gone, and credited exactly once when Stripe's webhook arrives as well. Runs on H2 and on PostgreSQL.
 */
abstract class StripeChargeReconciliationContract extends StripeTestSupport {

    @Autowired
    MutableClock clock;
    @Autowired
    WaitingPaymentPoller poller;
    @Autowired
    PaymentHistoryQuery history;

    @BeforeEach
    void realTime() {
        // Whole seconds: the database keeps microseconds, and the windows are compared to the instant.
        clock.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        // Charges other test classes left waiting in the shared database are moved out of the way, so that the
        // poller here re-sends only this test's own charge.
        jdbc.sql("update payment set status = 'REJECTED' where status = 'WAITING_FOR_PAYMENT' and method_kind = 'SAVED_METHOD'")
                .update();
    }

    @Test
    void a_charge_that_timed_out_is_re_sent_with_the_same_idempotency_key_and_credited_once() {
        PaymentMethodId card = savedStripeCard(customer.person(), StripeFake.id("cus"), "pm_timeout_4242");
        StripeFake.paymentIntentAnswersAfter(4000, StripeFake.paymentIntent("pi_late_1", "succeeded", 3000, "usd", "k",
                "charge", "\"pm_timeout_4242\"", ""));
        var waiting = charge("30", card);
        assertThat(waiting.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        String key = idempotencyKey(waiting.paymentId());
        int firstAttempts = StripeFake.posts("/v1/payment_intents").size();

        // Stripe did take it: a repeated request gets the first result back at once.
        StripeFake.paymentIntentCreated(StripeFake.paymentIntent("pi_late_1", "succeeded", 3000, "usd", key, "charge",
                "\"pm_timeout_4242\"", ""));
        clock.advance(Duration.ofMinutes(3));
        poller.runCycle();

        assertThat(status(waiting.paymentId())).isEqualTo("CREDITED");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("30.00");
        assertThat(providerReference(waiting.paymentId())).isEqualTo("pi_late_1");
        List<LoggedRequest> sent = StripeFake.posts("/v1/payment_intents");
        assertThat(sent).hasSize(firstAttempts + 1);
        assertThat(sent).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(key);
        assertThat(sent).extracting(LoggedRequest::getBodyAsString).as("the very same request").containsOnly(sent.getFirst().getBodyAsString());

        clock.advance(Duration.ofHours(1));
        poller.runCycle();
        assertThat(StripeFake.posts("/v1/payment_intents")).as("a credited charge is never sent again").hasSize(firstAttempts + 1);
    }

    @Test
    void a_charge_stripe_reports_declined_on_the_retry_is_rejected() {
        PaymentMethodId card = savedStripeCard(customer.person(), StripeFake.id("cus"), "pm_reset_9995");
        StripeFake.paymentIntentConnectionReset();
        var waiting = charge("40", card);
        assertThat(waiting.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);

        StripeFake.paymentIntentFails(402, StripeFake.cardError("card_declined", "insufficient_funds",
                StripeFake.paymentIntent("pi_nsf_late", "requires_payment_method", 4000, "usd", "k", "charge", "null", "")));
        clock.advance(Duration.ofMinutes(3));
        poller.runCycle();

        assertThat(status(waiting.paymentId())).isEqualTo("REJECTED");
        assertThat(reason(waiting.paymentId())).isEqualTo("Your card has insufficient funds.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(StripeFake.posts("/v1/payment_intents")).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(idempotencyKey(waiting.paymentId()));
    }

    @Test
    void a_charge_with_a_payment_intent_is_asked_about_not_re_sent() {
        PaymentMethodId card = savedStripeCard(customer.person(), StripeFake.id("cus"), "pm_processing");
        StripeFake.paymentIntentCreated(StripeFake.paymentIntent("pi_processing_1", "processing", 5000, "usd", "k",
                "charge", "\"pm_processing\"", ""));
        var waiting = charge("50", card);
        assertThat(waiting.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        String key = idempotencyKey(waiting.paymentId());

        StripeFake.paymentIntentRetrieved(StripeFake.paymentIntent("pi_processing_1", "succeeded", 5000, "usd", key,
                "charge", "\"pm_processing\"", ""));
        clock.advance(Duration.ofMinutes(3));
        poller.runCycle();

        assertThat(status(waiting.paymentId())).isEqualTo("CREDITED");
        assertThat(StripeFake.gets("/v1/payment_intents/pi_processing_1")).hasSize(1);
        assertThat(StripeFake.posts("/v1/payment_intents")).hasSize(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("50.00");
    }

    @Test
    void past_stripes_24_hours_the_charge_is_held_for_clarification_without_a_call_and_the_webhook_still_credits_it_once() {
        PaymentMethodId card = savedStripeCard(customer.person(), StripeFake.id("cus"), "pm_gone_4242");
        StripeFake.paymentIntentConnectionReset();
        var waiting = charge("60", card);
        String key = idempotencyKey(waiting.paymentId());
        int attempts = StripeFake.posts("/v1/payment_intents").size();

        clock.advance(Duration.ofHours(23));
        poller.runCycle();

        assertThat(StripeFake.posts("/v1/payment_intents")).as("never re-sent once Stripe may have pruned the key").hasSize(attempts);
        assertThat(StripeFake.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1/payment_intents.*")))).hasSize(attempts);
        assertThat(status(waiting.paymentId())).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(reason(waiting.paymentId())).contains("can no longer be repeated safely");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();

        String event = StripeFake.event(StripeFake.id("evt"), "payment_intent.succeeded",
                StripeFake.paymentIntent("pi_found_1", "succeeded", 6000, "usd", key, "charge", "\"pm_gone_4242\"", ""));
        String signature = StripeFake.sign(event, StripeFake.WEBHOOK_SECRET, clock.instant().getEpochSecond());
        assertThat(postWebhook(event, signature).body()).isEqualTo("processed");
        assertThat(postWebhook(event, signature).body()).isEqualTo("duplicate");

        assertThat(status(waiting.paymentId())).isEqualTo("CREDITED");
        assertThat(providerReference(waiting.paymentId())).isEqualTo("pi_found_1");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("60.00");
    }

    @Test
    void the_poller_and_stripes_webhook_arriving_at_once_credit_exactly_once() throws Exception {
        PaymentMethodId card = savedStripeCard(customer.person(), StripeFake.id("cus"), "pm_race_4242");
        StripeFake.paymentIntentConnectionReset();
        var waiting = charge("70", card);
        String key = idempotencyKey(waiting.paymentId());
        String intent = StripeFake.paymentIntent("pi_race_1", "succeeded", 7000, "usd", key, "charge", "\"pm_race_4242\"", "");
        StripeFake.paymentIntentCreated(intent);
        clock.advance(Duration.ofMinutes(3));
        String event = StripeFake.event(StripeFake.id("evt"), "payment_intent.succeeded", intent);
        String signature = StripeFake.sign(event, StripeFake.WEBHOOK_SECRET, clock.instant().getEpochSecond());

        ExecutorService threads = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deliveries.add(threads.submit(() -> {
                go.await();
                return postWebhook(event, signature);
            }));
        }
        Future<?> polled = threads.submit(() -> {
            go.await();
            return poller.runCycle();
        });
        go.countDown();
        polled.get(60, TimeUnit.SECONDS);
        for (Future<HttpResponse<String>> delivery : deliveries) {
            assertThat(delivery.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        threads.shutdown();

        assertThat(status(waiting.paymentId())).isEqualTo("CREDITED");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("70.00");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    // --- charges that wait for the customer's bank (DD-037, DD-043) ---

    @Test
    void a_charge_waiting_for_the_bank_is_not_asked_about_and_after_three_days_is_cancelled_at_stripe_and_rejected() {
        Instant created = clock.instant();
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingTheBank(intentId, "pm_expiry_1");
        String key = idempotencyKey(waiting.paymentId());

        clock.advance(Duration.ofMinutes(3));
        poller.runCycle();
        clock.set(created.plus(Duration.ofDays(3)).minusSeconds(1));
        poller.runCycle();

        assertThat(StripeFake.gets("/v1/payment_intents/" + intentId)).as("only the customer can move it").isEmpty();
        assertThat(StripeFake.posts("/v1/payment_intents/" + intentId + "/cancel")).isEmpty();
        assertThat(status(waiting.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isTrue();

        StripeFake.paymentIntentCanceled(intentId, intent(intentId, "canceled", key, "\"cancellation_reason\":\"abandoned\""));
        clock.set(created.plus(Duration.ofDays(3)));
        poller.runCycle();

        List<LoggedRequest> cancels = StripeFake.posts("/v1/payment_intents/" + intentId + "/cancel");
        assertThat(cancels).hasSize(1);
        assertThat(cancels.getFirst().getHeader("Idempotency-Key")).isEqualTo(key + ":cancel:1");
        assertThat(StripeFake.form(cancels.getFirst())).containsEntry("cancellation_reason", "abandoned");
        assertThat(StripeFake.posts("/v1/payment_intents")).as("never charged again").hasSize(1);
        assertThat(status(waiting.paymentId())).isEqualTo("REJECTED");
        assertThat(reason(waiting.paymentId())).isEqualTo("Not confirmed with your bank within 3 days. Nothing was charged.");
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isFalse();
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();

        clock.advance(Duration.ofDays(1));
        poller.runCycle();
        assertThat(StripeFake.posts("/v1/payment_intents/" + intentId + "/cancel")).as("cancelled once").hasSize(1);
    }

    @Test
    void a_cancel_stripe_refuses_because_the_intent_succeeded_reads_it_and_credits_exactly_once() {
        Instant created = clock.instant();
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingTheBank(intentId, "pm_expiry_2");
        String key = idempotencyKey(waiting.paymentId());
        String succeeded = StripeFake.paymentIntent(intentId, "succeeded", 9000, "usd", key, "charge", "\"pm_expiry_2\"", "");
        StripeFake.paymentIntentCancelFails(intentId, 400, StripeFake.unexpectedStateError(succeeded));
        StripeFake.paymentIntentIs(intentId, succeeded);
        clock.set(created.plus(Duration.ofDays(3)));

        poller.runCycle();

        assertThat(StripeFake.posts("/v1/payment_intents/" + intentId + "/cancel")).hasSize(1);
        assertThat(StripeFake.gets("/v1/payment_intents/" + intentId)).as("read after the refusal").hasSize(1);
        assertThat(status(waiting.paymentId())).isEqualTo("CREDITED");
        String event = StripeFake.event(StripeFake.id("evt"), "payment_intent.succeeded", succeeded);
        assertThat(postWebhook(event, StripeFake.sign(event, StripeFake.WEBHOOK_SECRET, clock.instant().getEpochSecond()))
                .statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        poller.runCycle();

        assertThat(status(waiting.paymentId())).isEqualTo("CREDITED");
        assertThat(StripeFake.posts("/v1/payment_intents/" + intentId + "/cancel")).hasSize(1);
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("90.00");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void stripe_unreachable_on_the_cancel_leaves_the_charge_waiting_with_its_button_and_the_next_cycle_cancels_it() {
        Instant created = clock.instant();
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingTheBank(intentId, "pm_expiry_3");
        String key = idempotencyKey(waiting.paymentId());
        StripeFake.paymentIntentCancelConnectionReset(intentId);
        clock.set(created.plus(Duration.ofDays(3)));

        poller.runCycle();

        assertThat(StripeFake.posts("/v1/payment_intents/" + intentId + "/cancel"))
                .as("the SDK's retry of one try carries its key").isNotEmpty()
                .extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(key + ":cancel:1");
        assertThat(status(waiting.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(reason(waiting.paymentId())).contains("Confirm with your bank");
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isTrue();
        assertThat(data.ledgerEntries(customer.accountId())).isZero();

        StripeFake.server().resetRequests();
        StripeFake.paymentIntentCanceled(intentId, intent(intentId, "canceled", key, ""));
        clock.advance(Duration.ofMinutes(1));
        poller.runCycle();

        assertThat(StripeFake.posts("/v1/payment_intents/" + intentId + "/cancel")).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(key + ":cancel:2"));
        assertThat(status(waiting.paymentId())).isEqualTo("REJECTED");
        assertThat(reason(waiting.paymentId())).isEqualTo("Not confirmed with your bank within 3 days. Nothing was charged.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_charge_whose_payment_intent_stripe_no_longer_has_is_rejected_once_without_a_credit_and_never_asked_again() {
        Instant created = clock.instant();
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingTheBank(intentId, "pm_expiry_404");
        String key = idempotencyKey(waiting.paymentId());
        StripeFake.paymentIntentMissing(intentId);
        clock.set(created.plus(Duration.ofDays(3)));

        poller.runCycle();

        assertThat(StripeFake.posts("/v1/payment_intents/" + intentId + "/cancel")).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(key + ":cancel:1"));
        assertThat(StripeFake.gets("/v1/payment_intents/" + intentId)).as("confirmed by a read").hasSize(1);
        assertThat(status(waiting.paymentId())).isEqualTo("REJECTED");
        assertThat(reason(waiting.paymentId())).isEqualTo(StripeResults.NO_SUCH_PAYMENT_INTENT);
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isFalse();
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();

        StripeFake.server().resetRequests();
        for (int minute = 0; minute < 3; minute++) {
            clock.advance(Duration.ofMinutes(1));
            poller.runCycle();
        }
        clock.advance(Duration.ofDays(1));
        poller.runCycle();
        assertThat(StripeFake.server().getAllServeEvents()).as("Stripe is not asked again").isEmpty();
        assertThat(status(waiting.paymentId())).isEqualTo("REJECTED");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_cancel_stripe_refuses_for_good_holds_the_charge_for_clarification_once() {
        Instant created = clock.instant();
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingTheBank(intentId, "pm_expiry_400");
        String key = idempotencyKey(waiting.paymentId());
        StripeFake.paymentIntentCancelFails(intentId, 400, StripeFake.error("invalid_request_error", "parameter_invalid_empty",
                null, "This PaymentIntent cannot be canceled."));
        StripeFake.paymentIntentIs(intentId, intent(intentId, "requires_payment_method", key,
                StripeFake.authenticationRequiredError()));
        clock.set(created.plus(Duration.ofDays(3)));

        poller.runCycle();

        assertThat(StripeFake.posts("/v1/payment_intents/" + intentId + "/cancel")).hasSize(1);
        assertThat(status(waiting.paymentId())).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(reason(waiting.paymentId())).contains("Support will check it");
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isFalse();
        assertThat(data.ledgerEntries(customer.accountId())).isZero();

        StripeFake.server().resetRequests();
        for (int minute = 0; minute < 3; minute++) {
            clock.advance(Duration.ofMinutes(1));
            poller.runCycle();
        }
        assertThat(StripeFake.server().getAllServeEvents()).as("held, not looped on").isEmpty();
        assertThat(status(waiting.paymentId())).isEqualTo("WAITING_FOR_CLARIFICATION");
    }

    @Test
    void a_cancel_answered_with_a_server_error_is_tried_again_in_the_next_cycle() {
        Instant created = clock.instant();
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingTheBank(intentId, "pm_expiry_500");
        String key = idempotencyKey(waiting.paymentId());
        StripeFake.paymentIntentCancelFails(intentId, 500, StripeFake.error("api_error", null, null, "Something went wrong."));
        clock.set(created.plus(Duration.ofDays(3)));

        poller.runCycle();

        assertThat(status(waiting.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isTrue();
        StripeFake.server().resetRequests();
        clock.advance(Duration.ofMinutes(1));
        poller.runCycle();
        assertThat(StripeFake.posts("/v1/payment_intents/" + intentId + "/cancel")).as("tried again").isNotEmpty()
                .extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(key + ":cancel:2");
        assertThat(status(waiting.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    /** A saved card whose off-session charge Stripe answers with 402 authentication_required, naming the intent. */
    private TopUpOutcome.Completed chargeNeedingTheBank(String intentId, String paymentMethod) {
        PaymentMethodId card = savedStripeCard(customer.person(), StripeFake.id("cus"), paymentMethod);
        StripeFake.paymentIntentFails(402, StripeFake.cardError("authentication_required", "authentication_required",
                intent(intentId, "requires_payment_method", "k", StripeFake.authenticationRequiredError())));
        var waiting = charge("90", card);
        assertThat(waiting.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isTrue();
        return waiting;
    }

    private static String intent(String id, String status, String key, String extra) {
        return StripeFake.paymentIntent(id, status, 9000, "usd", key, "charge", "null", extra);
    }

    private TopUpOutcome.Completed charge(String amount, PaymentMethodId card) {
        return (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()));
    }

    private String providerReference(PaymentId id) {
        return jdbc.sql("select provider_reference from payment where id = ?").param(id.value()).query(String.class).single();
    }
}
