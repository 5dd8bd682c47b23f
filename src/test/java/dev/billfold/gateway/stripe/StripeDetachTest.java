package dev.billfold.gateway.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.BillfoldTest;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Removing a Stripe card detaches it at Stripe first (the real SDK against the fake); no detach, no removal. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeDetachTest extends StripeTestSupport {

    @Test
    void removing_a_stripe_card_detaches_it_at_stripe_and_marks_it_removed() {
        String token = StripeFake.id("pm");
        PaymentMethodId card = stripeCard(token);
        StripeFake.server().stubFor(post(urlPathEqualTo("/v1/payment_methods/" + token + "/detach"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(StripeFake.paymentMethod(token, "4242"))));

        methods.remove(card);

        assertThat(StripeFake.posts("/v1/payment_methods/" + token + "/detach")).hasSize(1);
        assertThat(methodStatus(card)).isEqualTo("REMOVED");
    }

    @Test
    void a_card_stripe_no_longer_has_is_removed_too() {
        String token = StripeFake.id("pm");
        PaymentMethodId card = stripeCard(token);
        StripeFake.server().stubFor(post(urlPathEqualTo("/v1/payment_methods/" + token + "/detach"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(StripeFake.error("invalid_request_error", "resource_missing", null, "No such PaymentMethod"))));

        methods.remove(card);

        assertThat(methodStatus(card)).isEqualTo("REMOVED");
    }

    @Test
    void when_stripe_fails_the_card_stays_confirmed_and_the_customer_is_told_to_try_again() {
        String token = StripeFake.id("pm");
        PaymentMethodId card = stripeCard(token);
        StripeFake.server().stubFor(post(urlPathEqualTo("/v1/payment_methods/" + token + "/detach"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(StripeFake.error("api_error", null, null, "Something went wrong"))));

        assertThatThrownBy(() -> methods.remove(card)).isInstanceOf(InvalidRequestException.class)
                .hasMessageEndingWith("could not be reached to remove the method. Nothing changed; please try again.");
        assertThat(methodStatus(card)).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select is_default from payment_method where id = ?").param(card.value()).query(Boolean.class).single())
                .isTrue();
    }

    private PaymentMethodId stripeCard(String token) {
        var id = new PaymentMethodId(UUID.randomUUID());
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, created_at, version)
                        values (?, ?, ?, 'stripe', ?, 'Visa •••• 4242, 12/29', 'CONFIRMED', true, current_timestamp, 0)""")
                .params(id.value(), customer.accountId().value(), customer.person().value(), token).update();
        return id;
    }
}
