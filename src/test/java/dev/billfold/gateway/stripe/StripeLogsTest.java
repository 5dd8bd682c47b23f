package dev.billfold.gateway.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.BillfoldTest;
import dev.billfold.CapturedLogs;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * docs/security.md, item 7: what Stripe's flows log at INFO and above, as production logs them, holds no secret key,
 * no webhook secret, no saved card's token and no idempotency key, on the happy paths and on the failures that log.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeLogsTest extends StripeTestSupport {

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Autowired
    StripeGatewayProperties properties;

    @Test
    void a_checkout_settled_by_its_webhook_and_a_charge_of_the_saved_card_log_no_secret() {
        String token = StripeFake.id("pm");
        String checkoutRequest = UUID.randomUUID().toString();
        String sessionId = StripeFake.id("cs");
        StripeFake.customerCreated(StripeFake.id("cus"));
        StripeFake.sessionCreated(sessionId, "payment");
        var checkout = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), "90.00",
                new MethodChoice.Checkout("stripe"), true, checkoutRequest));
        String key = idempotencyKey(checkout.paymentId());
        String intent = StripeFake.paymentIntent(StripeFake.id("pi"), "succeeded", 9000, "usd", key, "checkout",
                StripeFake.paymentMethod(token, "4242"), "\"setup_future_usage\":\"off_session\"");
        StripeFake.sessionRetrieved(StripeFake.session(sessionId, "payment", "complete", "paid", 9000, "usd", key, true,
                intent));
        assertThat(postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "checkout.session.completed",
                StripeFake.session(sessionId, "payment", "complete", "paid", 9000, "usd", key, true, "null")))
                .statusCode()).isEqualTo(200);
        assertThat(status(checkout.paymentId())).isEqualTo("CREDITED");

        String chargeRequest = UUID.randomUUID().toString();
        StripeFake.paymentIntentCreated(StripeFake.paymentIntent(StripeFake.id("pi"), "succeeded", 5000, "usd",
                "topup:" + chargeRequest, "charge", "\"" + token + "\"", ""));
        var charged = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "50",
                topUps.methodsFor(customer.person()).getFirst().choice(), false, chargeRequest));
        assertThat(charged.status()).isEqualTo(PaymentStatus.CREDITED);

        // News about a payment Billfold does not know names someone's key all the same.
        String strangerRequest = UUID.randomUUID().toString();
        assertThat(postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "payment_intent.succeeded",
                StripeFake.paymentIntent(StripeFake.id("pi"), "succeeded", 100, "usd", "topup:" + strangerRequest,
                        "charge", "null", ""))).statusCode()).isEqualTo(200);

        logs.containNoneOf(secrets(token, checkoutRequest, chargeRequest, strangerRequest));
    }

    @Test
    void removing_cards_that_stripe_had_detached_already_or_could_not_detach_logs_no_token() {
        String gone = StripeFake.id("pm");
        PaymentMethodId goneCard = savedStripeCard(customer.person(), StripeFake.id("cus"), gone);
        detachAnswers(gone, 404, StripeFake.error("invalid_request_error", "resource_missing", null,
                "No such PaymentMethod: '" + gone + "'"));
        methods.remove(goneCard);
        assertThat(methodStatus(goneCard)).isEqualTo("REMOVED");

        String stuck = StripeFake.id("pm");
        PaymentMethodId stuckCard = savedCard(stuck);
        detachAnswers(stuck, 500, StripeFake.error("api_error", null, null, "Could not detach " + stuck));
        assertThatThrownBy(() -> methods.remove(stuckCard)).isInstanceOf(InvalidRequestException.class);
        assertThat(methodStatus(stuckCard)).isEqualTo("CONFIRMED");

        logs.containNoneOf(secrets(gone, stuck));
    }

    @Test
    void a_checkout_that_stripe_refuses_naming_its_key_logs_no_key() {
        String request = UUID.randomUUID().toString();
        StripeFake.customerCreated(StripeFake.id("cus"));
        // Stripe's own words for a key reused with other parameters quote the key.
        StripeFake.server().stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(StripeFake.error("idempotency_error", null, null, "Keys for idempotent requests can only be "
                        + "used with the same parameters they were first used with. Try using a key other than "
                        + "'topup:" + request + "' if you meant to execute a different request."))));

        var refused = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "30.00",
                new MethodChoice.Checkout("stripe"), false, request));
        assertThat(refused.status()).isEqualTo(PaymentStatus.REJECTED);

        logs.containNoneOf(secrets(request));
    }

    private List<String> secrets(String... tokensAndKeys) {
        List<String> secrets = new ArrayList<>(List.of(properties.secretKey(), properties.webhookSecret()));
        secrets.addAll(List.of(tokensAndKeys));
        return secrets;
    }

    private PaymentMethodId savedCard(String token) {
        var id = new PaymentMethodId(UUID.randomUUID());
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, created_at, version)
                        values (?, ?, ?, 'stripe', ?, 'Visa •••• 4242, 12/29', 'CONFIRMED', false, current_timestamp, 0)""")
                .params(id.value(), customer.accountId().value(), customer.person().value(), token).update();
        return id;
    }

    private static void detachAnswers(String token, int status, String errorJson) {
        StripeFake.server().stubFor(post(urlPathEqualTo("/v1/payment_methods/" + token + "/detach"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(errorJson)));
    }
}
