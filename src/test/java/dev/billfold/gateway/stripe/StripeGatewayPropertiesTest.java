package dev.billfold.gateway.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/security.md, item 7: the Stripe settings print without their secrets. */
class StripeGatewayPropertiesTest {

    @Test
    void to_string_redacts_the_secret_key_and_the_webhook_secret_and_keeps_the_rest() {
        var properties = new StripeGatewayProperties("sk_live_51SecretKey", "whsec_SigningSecret",
                "https://billing.example.com", "https://api.stripe.com", Duration.ofSeconds(5), Duration.ofSeconds(20), 2,
                Duration.ofSeconds(300), "Card (Stripe)");

        assertThat(properties.toString()).doesNotContain("SecretKey").doesNotContain("SigningSecret")
                .contains("secretKey=****", "webhookSecret=****", "publicUrl=https://billing.example.com",
                        "apiBase=https://api.stripe.com", "readTimeout=PT20S", "displayName=Card (Stripe)");
    }

    @Test
    void to_string_says_when_a_secret_is_not_set() {
        var properties = new StripeGatewayProperties("", " ", "", "https://api.stripe.com", Duration.ofSeconds(5),
                Duration.ofSeconds(20), 2, Duration.ofSeconds(300), "Card (Stripe)");

        assertThat(properties.toString()).contains("secretKey=(not set)", "webhookSecret=(not set)");
    }
}
