package dev.billfold.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/security.md, item 7: the PayPal settings print without their secret. */
class PayPalPropertiesTest {

    @Test
    void to_string_redacts_the_client_secret_and_keeps_the_rest() {
        var properties = new PayPalProperties("AbCdClientId", "EFgHClientSecret", "WH-1", "PRODUCTION",
                "https://billing.example.com", null, "Billfold", Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofHours(6), 8, Duration.ofMinutes(5));

        assertThat(properties.toString()).doesNotContain("EFgHClientSecret")
                .contains("clientId=AbCdClientId", "clientSecret=****", "webhookId=WH-1", "environment=PRODUCTION",
                        "publicUrl=https://billing.example.com", "requestIdRetention=PT6H",
                        "webhookVerificationsInFlight=8", "webhookClaimLease=PT5M");
    }

    @Test
    void to_string_says_when_the_secret_is_not_set() {
        var properties = new PayPalProperties(null, null, null, "SANDBOX", null, null, "Billfold",
                Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofHours(6), 8, Duration.ofMinutes(5));

        assertThat(properties.toString()).contains("clientSecret=(not set)");
    }
}
