package dev.billfold.gateway.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.billfold.BillfoldTest;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.BankConfirmation;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An off-session charge that the bank wants authenticated, finished on-session (DD-037): the real SDK confirms the
 * PaymentIntent again against {@link StripeFake} with our return URL and a key per attempt, the customer goes to the
 * bank's page Stripe names, and the return and the webhook both settle through the one settlement, crediting once.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeBankConfirmationTest extends StripeTestSupport {

    private static final String BANK_PAGE = "https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1&payment_intent=";

    @Autowired
    PaymentHistoryQuery history;

    @Test
    void the_confirmation_carries_our_return_url_and_key_and_the_return_then_the_webhook_credit_once() {
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingAuthentication(intentId, "pm_auth_1");
        String key = idempotencyKey(waiting.paymentId());
        assertThat(waiting.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(waiting.message()).contains("Your bank asks you to confirm this payment").contains("Confirm with your bank");
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isTrue();
        String returnUrl = "https://billfold.example/payment-return/" + waiting.paymentId().value();
        StripeFake.paymentIntentIs(intentId, intent(intentId, "requires_payment_method", key,
                StripeFake.authenticationRequiredError()));
        StripeFake.paymentIntentConfirmed(intentId, intent(intentId, "requires_action", key,
                StripeFake.redirectToUrl(BANK_PAGE + intentId, returnUrl)));

        var bank = (BankConfirmation.GoToBank) payments.confirmWithBank(waiting.paymentId());

        assertThat(bank.url()).isEqualTo(BANK_PAGE + intentId);
        LoggedRequest confirm = onlyConfirm(intentId);
        assertThat(StripeFake.form(confirm)).containsEntry("return_url", returnUrl)
                .containsEntry("payment_method", "pm_auth_1")
                .doesNotContainKey("off_session")
                .doesNotContainKey("amount");
        assertThat(confirm.getHeader("Idempotency-Key")).isEqualTo(key + ":confirm:1");
        assertThat(StripeFake.posts("/v1/payment_intents")).hasSize(1);
        assertThat(status(waiting.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");

        // Back from the bank: the redirect's query string is ignored, the PaymentIntent is asked.
        String succeeded = StripeFake.paymentIntent(intentId, "succeeded", 4000, "usd", key, "charge", "\"pm_auth_1\"", "");
        StripeFake.paymentIntentIs(intentId, succeeded);
        PaymentDetails back = payments.confirmReturn(waiting.paymentId());

        assertThat(back.status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(back.canConfirmWithBank()).isFalse();
        var webhook = postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "payment_intent.succeeded", succeeded));
        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(payments.confirmReturn(waiting.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("40.00");
    }

    @Test
    void the_webhook_before_the_return_credits_once_and_the_return_changes_nothing() {
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingAuthentication(intentId, "pm_auth_2");
        String key = idempotencyKey(waiting.paymentId());
        StripeFake.paymentIntentIs(intentId, intent(intentId, "requires_payment_method", key,
                StripeFake.authenticationRequiredError()));
        StripeFake.paymentIntentConfirmed(intentId, intent(intentId, "requires_action", key,
                StripeFake.redirectToUrl(BANK_PAGE + intentId, "https://billfold.example/x")));
        payments.confirmWithBank(waiting.paymentId());

        String succeeded = StripeFake.paymentIntent(intentId, "succeeded", 4000, "usd", key, "charge", "\"pm_auth_2\"", "");
        assertThat(postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "payment_intent.succeeded", succeeded))
                .statusCode()).isEqualTo(200);
        assertThat(status(waiting.paymentId())).isEqualTo("CREDITED");
        StripeFake.paymentIntentIs(intentId, succeeded);

        assertThat(payments.confirmReturn(waiting.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("40.00");
    }

    @Test
    void a_second_click_reuses_the_open_bank_page_and_a_new_attempt_after_leaving_it_gets_its_own_key() {
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingAuthentication(intentId, "pm_auth_3");
        String key = idempotencyKey(waiting.paymentId());
        StripeFake.paymentIntentIs(intentId, intent(intentId, "requires_action", key,
                StripeFake.redirectToUrl(BANK_PAGE + "open", "https://billfold.example/x")));

        var again = (BankConfirmation.GoToBank) payments.confirmWithBank(waiting.paymentId());

        assertThat(again.url()).isEqualTo(BANK_PAGE + "open");
        assertThat(StripeFake.posts("/v1/payment_intents/" + intentId + "/confirm")).isEmpty();

        // The customer left the bank's page: Stripe ended that attempt, so the next click confirms anew.
        StripeFake.paymentIntentIs(intentId, intent(intentId, "requires_payment_method", key,
                StripeFake.authenticationRequiredError()));
        StripeFake.paymentIntentConfirmed(intentId, intent(intentId, "requires_action", key,
                StripeFake.redirectToUrl(BANK_PAGE + "second", "https://billfold.example/x")));
        var second = (BankConfirmation.GoToBank) payments.confirmWithBank(waiting.paymentId());

        assertThat(second.url()).isEqualTo(BANK_PAGE + "second");
        assertThat(onlyConfirm(intentId).getHeader("Idempotency-Key")).isEqualTo(key + ":confirm:2");
    }

    @Test
    void stripe_failing_the_confirmation_keeps_the_payment_waiting_and_the_sdk_retry_reuses_the_attempts_key() {
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingAuthentication(intentId, "pm_auth_4");
        String key = idempotencyKey(waiting.paymentId());
        StripeFake.paymentIntentIs(intentId, intent(intentId, "requires_payment_method", key,
                StripeFake.authenticationRequiredError()));
        StripeFake.paymentIntentConfirmFails(intentId, 500, StripeFake.error("api_error", null, null, "down"));

        assertThatThrownBy(() -> payments.confirmWithBank(waiting.paymentId()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Your bank's confirmation page could not be opened right now. Nothing was charged; try again in a moment.");

        List<LoggedRequest> attempts = StripeFake.posts("/v1/payment_intents/" + intentId + "/confirm");
        assertThat(attempts).hasSize(2).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(key + ":confirm:1");
        assertThat(status(waiting.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isTrue();
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_failed_authentication_rejects_the_payment_with_a_clear_reason() {
        String intentId = StripeFake.id("pi");
        var waiting = chargeNeedingAuthentication(intentId, "pm_auth_5");
        String key = idempotencyKey(waiting.paymentId());
        StripeFake.paymentIntentIs(intentId, intent(intentId, "requires_payment_method", key,
                StripeFake.authenticationRequiredError()));
        StripeFake.paymentIntentConfirmed(intentId, intent(intentId, "requires_action", key,
                StripeFake.redirectToUrl(BANK_PAGE + intentId, "https://billfold.example/x")));
        payments.confirmWithBank(waiting.paymentId());
        StripeFake.paymentIntentIs(intentId, intent(intentId, "requires_payment_method", key, """
                "last_payment_error":{"type":"invalid_request_error","code":"payment_intent_authentication_failure"}"""));

        PaymentDetails back = payments.confirmReturn(waiting.paymentId());

        assertThat(back.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(back.statusReason()).isEqualTo("Your bank did not confirm the payment. Nothing was charged.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void after_a_read_timeout_the_sdks_retry_carries_the_same_idempotency_key_and_credits_once() {
        PaymentMethodId card = savedStripeCard(customer.person(), "cus_slow_once", "pm_slow_once");
        StripeFake.paymentIntentTimesOutOnceThen(3000, StripeFake.paymentIntent("pi_slow_once", "succeeded", 2500, "usd",
                "k", "charge", "\"pm_slow_once\"", ""));

        var completed = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "25",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()));

        assertThat(completed.status()).isEqualTo(PaymentStatus.CREDITED);
        List<LoggedRequest> attempts = StripeFake.posts("/v1/payment_intents");
        assertThat(attempts).hasSize(2).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(idempotencyKey(completed.paymentId()));
        assertThat(StripeFake.form(attempts.get(1))).isEqualTo(StripeFake.form(attempts.get(0)));
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
    }

    // --- helpers ---

    /** A saved card whose off-session charge Stripe answers with 402 authentication_required, naming the intent. */
    private TopUpOutcome.Completed chargeNeedingAuthentication(String intentId, String paymentMethod) {
        PaymentMethodId card = savedStripeCard(customer.person(), StripeFake.id("cus"), paymentMethod);
        StripeFake.paymentIntentFails(402, StripeFake.cardError("authentication_required", "authentication_required",
                intent(intentId, "requires_payment_method", "k", StripeFake.authenticationRequiredError())));
        return (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "40",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()));
    }

    private static String intent(String id, String status, String key, String extra) {
        return StripeFake.paymentIntent(id, status, 4000, "usd", key, "charge", "null", extra);
    }

    private static LoggedRequest onlyConfirm(String intentId) {
        List<LoggedRequest> confirms = StripeFake.posts("/v1/payment_intents/" + intentId + "/confirm");
        assertThat(confirms).hasSize(1);
        return confirms.getFirst();
    }

}
