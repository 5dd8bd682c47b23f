package dev.billfold.gateway.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.billfold.BillfoldTest;
import dev.billfold.TestData;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Stripe names the issuing country as the PaymentMethod's {@code card.country} (DD-090): the real SDK against the
 * fake, a Kenyan account, a card Stripe says was issued in Russia.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeCardCountryTest extends StripeTestSupport {

    TestData.Customer kenyan;

    @BeforeEach
    void kenyanAccount() {
        kenyan = data.newCustomer("USD", "OWNER", "KE");
        TestData.signIn(kenyan.username());
        StripeFake.customerCreated(StripeFake.id("cus"));
    }

    @AfterEach
    void backToTheDefaultCustomer() {
        TestData.signIn(customer.username());
    }

    @Test
    void a_checkout_paid_with_a_card_issued_in_a_refused_country_is_rejected_and_refunded_once_with_our_key() {
        String sessionId = StripeFake.id("cs");
        StripeFake.sessionCreated(sessionId, "payment");
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(kenyan.person(), "80.00",
                new MethodChoice.Checkout("stripe"), false, UUID.randomUUID().toString()));
        String key = jdbc.sql("select idempotency_key from payment where id = ?").param(redirect.paymentId().value())
                .query(String.class).single();
        String intentId = StripeFake.id("pi");
        String intent = StripeFake.paymentIntent(intentId, "succeeded", 8000, "usd", key, "checkout",
                russianCard("pm_ru_0009"), "");
        StripeFake.sessionRetrieved(StripeFake.session(sessionId, "payment", "complete", "paid", 8000, "usd", key,
                false, intent));
        StripeFake.server().stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"re_ru_1","object":"refund","amount":8000,"currency":"usd","status":"succeeded",
                         "payment_intent":"%s","metadata":{}}""".formatted(intentId))));

        PaymentDetails details = payments.confirmReturn(redirect.paymentId());
        payments.confirmReturn(redirect.paymentId());

        assertThat(details.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(details.statusReason()).startsWith("Cards issued in Russia cannot pay for accounts in Kenya.");
        assertThat(data.ledgerEntries(kenyan.accountId())).isZero();
        List<LoggedRequest> refunds = StripeFake.posts("/v1/refunds");
        assertThat(refunds).hasSize(1);
        assertThat(refunds.getFirst().getHeader("Idempotency-Key")).isEqualTo("card-country:" + redirect.paymentId()
                .value());
        assertThat(StripeFake.form(refunds.getFirst())).containsEntry("payment_intent", intentId)
                .containsEntry("amount", "8000");
    }

    @Test
    void a_card_saved_at_stripe_from_a_refused_country_fails_here_and_is_detached_there() {
        String sessionId = StripeFake.id("cs");
        StripeFake.sessionCreated(sessionId, "setup");
        PaymentMethodId method = methods.startSetup(kenyan.person(), "stripe").methodId();
        StripeFake.sessionRetrieved("""
                {"id":"%s","object":"checkout.session","mode":"setup","status":"complete",
                 "payment_status":"no_payment_required","metadata":{},"setup_intent":{"id":"seti_ru",
                 "object":"setup_intent","status":"succeeded","payment_method":%s,"metadata":{}}}"""
                .formatted(sessionId, russianCard("pm_ru_setup")));
        StripeFake.server().stubFor(post(urlPathEqualTo("/v1/payment_methods/pm_ru_setup/detach"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(russianCard("pm_ru_setup"))));

        var status = methods.checkSetup(method);

        assertThat(status.status()).isEqualTo(PaymentMethodStatus.FAILED);
        assertThat(status.failureReason()).isEqualTo(
                "Cards issued in Russia cannot pay for accounts in Kenya. The card was not saved.");
        assertThat(StripeFake.posts("/v1/payment_methods/pm_ru_setup/detach")).hasSize(1);
    }

    private static String russianCard(String id) {
        return StripeFake.paymentMethod(id, "0009").replace("\"country\":\"US\"", "\"country\":\"RU\"");
    }
}
