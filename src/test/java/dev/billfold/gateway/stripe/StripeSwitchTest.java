package dev.billfold.gateway.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Stripe exists only with a secret key, and a half-configured Stripe stops start-up instead of failing payments. */
class StripeSwitchTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StripeGatewayProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, StripeConfiguration.class, StripeGateway.class,
                    StripeWebhookController.class, StripeCustomers.class, StripeWebhookProcessor.class);

    @Test
    void without_a_secret_key_there_is_no_stripe_at_all() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(StripeClient.class).doesNotHaveBean(StripeGateway.class)
                .doesNotHaveBean(StripeWebhookController.class));
        // The production profile maps the key to ${STRIPE_SECRET_KEY:}, which is empty when unset.
        runner.withPropertyValues("billfold.gateway.stripe.secret-key=").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(StripeClient.class).doesNotHaveBean(StripeGateway.class));
    }

    @Test
    void a_key_without_webhook_secret_or_public_url_stops_start_up_with_a_clear_message() {
        runner.withPropertyValues("billfold.gateway.stripe.secret-key=sk_test_x",
                        "billfold.gateway.stripe.public-url=https://billing.example.com")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("billfold.gateway.stripe.webhook-secret"));
        runner.withPropertyValues("billfold.gateway.stripe.secret-key=sk_test_x",
                        "billfold.gateway.stripe.webhook-secret=whsec_x", "billfold.gateway.stripe.public-url=billing.example.com")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("billfold.gateway.stripe.public-url"));
    }
}
