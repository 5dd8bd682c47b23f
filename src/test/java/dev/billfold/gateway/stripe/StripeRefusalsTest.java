package dev.billfold.gateway.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.billfold.BillfoldTest;
import dev.billfold.TestData;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Forged, foreign and failing input around Stripe: a clear answer, and nothing changed. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeRefusalsTest extends StripeTestSupport {

    @Test
    void a_setup_for_another_accounts_payer_or_by_a_viewer_is_refused_and_creates_nothing() {
        TestData.Customer stranger = data.newCustomer("USD");

        assertThatThrownBy(() -> methods.startSetup(stranger.person(), "stripe"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("That payer is not part of your account.");
        TestData.signIn(data.addMember(customer.accountId(), "VIEWER"));
        assertThatThrownBy(() -> methods.startSetup(customer.person(), "stripe"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("That payer is not part of your account.");

        assertThat(data.methods(stranger.person())).isZero();
        assertThat(data.methods(customer.person())).isZero();
        assertThat(StripeFake.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void an_unknown_provider_is_refused_and_nothing_is_recorded() {
        // The demo provider has a setup page of its own now (DD-029); only PayPal saves a method during a payment only.
        assertThatThrownBy(() -> methods.startSetup(customer.person(), "evilpay"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("That payment provider is not available.");
        assertThat(data.methods(customer.person())).isZero();
    }

    @Test
    void checking_someone_elses_setup_is_refused_and_does_not_ask_stripe() {
        PaymentMethodId pending = startSetup();
        int callsBefore = StripeFake.server().getAllServeEvents().size();
        TestData.Customer stranger = data.newCustomer("USD");
        TestData.signIn(stranger.username());

        assertThatThrownBy(() -> methods.checkSetup(pending))
                .isInstanceOf(InvalidRequestException.class).hasMessage("We could not find that payment method.");
        assertThatThrownBy(() -> methods.checkSetup(new PaymentMethodId(UUID.randomUUID())))
                .isInstanceOf(InvalidRequestException.class).hasMessage("We could not find that payment method.");

        assertThat(methodStatus(pending)).isEqualTo("PENDING");
        assertThat(StripeFake.server().getAllServeEvents()).hasSize(callsBefore);
    }

    @Test
    void setup_webhooks_with_forged_keys_change_nothing() {
        PaymentMethodId pending = startSetup();
        StripeFake.paymentMethodRetrieved("pm_forged", "4242");

        for (String key : new String[] {"setup:" + UUID.randomUUID(), "setup:not-a-uuid", "topup:" + UUID.randomUUID()}) {
            var response = postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "setup_intent.succeeded", """
                    {"id":"seti_f","object":"setup_intent","status":"succeeded","payment_method":"pm_forged",
                     "metadata":{"billfold_key":"%s"}}""".formatted(key)));
            assertThat(response.statusCode()).isEqualTo(200);
        }

        assertThat(methodStatus(pending)).isEqualTo("PENDING");
        assertThat(data.methods(customer.person())).isEqualTo(1);
    }

    @Test
    void a_failed_setup_attempt_keeps_the_card_pending_and_an_expired_setup_page_fails_it() {
        PaymentMethodId pending = startSetup();
        String key = "setup:" + pending.value();

        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "setup_intent.setup_failed", """
                {"id":"seti_x","object":"setup_intent","status":"requires_payment_method","payment_method":null,
                 "last_setup_error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline"},
                 "metadata":{"billfold_key":"%s"}}""".formatted(key)));
        assertThat(methodStatus(pending)).isEqualTo("PENDING");

        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "checkout.session.expired", """
                {"id":"cs_x","object":"checkout.session","mode":"setup","status":"expired","payment_status":"no_payment_required",
                 "metadata":{"billfold_key":"%s","billfold_flow":"setup"},"setup_intent":"seti_x"}""".formatted(key)));
        assertThat(methodStatus(pending)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select failure_reason from payment_method where id = ?").param(pending.value())
                .query(String.class).single()).isEqualTo("The page for adding the card expired before a card was added.");
    }

    @Test
    void a_webhook_naming_another_providers_payment_changes_nothing() {
        var demo = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), "20.00",
                new MethodChoice.Checkout("demo"), false, UUID.randomUUID().toString()));
        String key = idempotencyKey(demo.paymentId());

        var response = postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "payment_intent.succeeded",
                StripeFake.paymentIntent("pi_other", "succeeded", 2000, "usd", key, "charge", "null", "")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(status(demo.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_connection_reset_leaves_the_charge_waiting_with_a_clear_message() {
        PaymentMethodId card = savedStripeCard(customer.person(), "cus_reset", "pm_reset");
        StripeFake.server().stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        var completed = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "35",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()));

        assertThat(completed.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(completed.message()).isEqualTo("The payment is waiting: The connection to Stripe was interrupted. "
                + "We will check the payment again; do not pay it twice.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_return_that_stripe_cannot_answer_keeps_the_payment_waiting_never_rejected() {
        StripeFake.customerCreated(StripeFake.id("cus"));
        String sessionId = StripeFake.id("cs");
        StripeFake.sessionCreated(sessionId, "payment");
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), "20.00",
                new MethodChoice.Checkout("stripe"), false, UUID.randomUUID().toString()));
        StripeFake.server().stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + sessionId)).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(StripeFake.error("invalid_request_error", null, null, "Invalid API Key provided"))));

        PaymentDetails details = payments.confirmReturn(redirect.paymentId());

        assertThat(details.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(details.statusReason()).isEqualTo("Stripe could not tell us the outcome yet. We will check the payment again.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    private PaymentMethodId startSetup() {
        StripeFake.customerCreated(StripeFake.id("cus"));
        StripeFake.sessionCreated(StripeFake.id("cs"), "setup");
        return methods.startSetup(customer.person(), "stripe").methodId();
    }
}
