package dev.billfold.gateway;

import dev.billfold.gateway.stripe.StripeFake;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code @BillfoldTest(webEnvironment = RANDOM_PORT)} or {@code @BillfoldPostgresTest(webEnvironment =
 * RANDOM_PORT)}: the application with every provider switched on against its local stand-in ({@link LocalProviders}),
 * M-Pesa at its Daraja fake, served on a real port so that webhooks go through the real security filter chain. One context per database for all
 * provider tests (Stripe, PayPal, the background checks against the scripted provider), so these settings are the
 * same for all of them. Short timeouts and one SDK retry keep the failure cases quick.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(LocalProviders.class)
@TestPropertySource(properties = {
        "billfold.gateway.stripe.secret-key=sk_test_billfold",
        "billfold.gateway.stripe.webhook-secret=" + StripeFake.WEBHOOK_SECRET,
        "billfold.gateway.stripe.public-url=https://billfold.example",
        "billfold.gateway.stripe.connect-timeout=2s",
        "billfold.gateway.stripe.read-timeout=1500ms",
        "billfold.gateway.stripe.max-network-retries=1",
        "billfold.gateway.paypal.client-id=test-client-id",
        "billfold.gateway.paypal.client-secret=test-client-secret",
        "billfold.gateway.paypal.webhook-id=WH-TEST-1",
        "billfold.gateway.paypal.public-url=https://billing.example.com",
        "billfold.gateway.paypal.read-timeout=2s",
        "billfold.gateway.mpesa.consumer-key=test-consumer-key",
        "billfold.gateway.mpesa.consumer-secret=test-consumer-secret",
        "billfold.gateway.mpesa.shortcode=174379",
        "billfold.gateway.mpesa.passkey=bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
        "billfold.gateway.mpesa.callback-base-url=https://billing.example.com",
        "billfold.gateway.mpesa.read-timeout=2s"})
public @interface WithLocalProviders {
}
