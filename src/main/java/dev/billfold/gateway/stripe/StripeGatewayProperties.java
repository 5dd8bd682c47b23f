package dev.billfold.gateway.stripe;

import dev.billfold.base.Secrets;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Stripe provider. It exists only when a secret key is set ({@link #SECRET_KEY}); the keys come from the
 * environment in production, and {@link #toString} never prints them.
 *
 * @param secretKey         the API secret key (sk_live_… / sk_test_…, or a restricted rk_ key)
 * @param webhookSecret     the signing secret of the webhook endpoint (whsec_…)
 * @param publicUrl         Billfold's public base URL; success and cancel URLs are this plus our own path
 * @param apiBase           Stripe's API; tests point it at a local fake, which production refuses outside a showroom
 *                          on this machine (security.ProductionSafety)
 * @param connectTimeout    how long to wait for a connection to Stripe
 * @param readTimeout       how long to wait for Stripe's answer; the SDK's default of 80 s would hold a customer's
 *                          click that long
 * @param maxNetworkRetries how often the SDK retries a timeout, a connection error or a 5xx; safe because every
 *                          request that creates something carries our idempotency key
 * @param webhookTolerance  how old a webhook's signed timestamp may be
 * @param displayName       what customers see in the method list
 */
@ConfigurationProperties("billfold.gateway.stripe")
record StripeGatewayProperties(
        @DefaultValue("") String secretKey,
        @DefaultValue("") String webhookSecret,
        @DefaultValue("") String publicUrl,
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("2") int maxNetworkRetries,
        @DefaultValue("300s") Duration webhookTolerance,
        @DefaultValue("Card (Stripe)") String displayName) {

    /** What switches Stripe on (DD-050): a secret key, without which it cannot work. */
    static final String SECRET_KEY = "billfold.gateway.stripe.secret-key";

    /** Called once the provider is switched on: a half-configured Stripe stops start-up instead of failing payments. */
    StripeGatewayProperties requireComplete() {
        if (webhookSecret.isBlank()) {
            throw new IllegalStateException("billfold.gateway.stripe.webhook-secret (STRIPE_WEBHOOK_SECRET) must be "
                    + "set when a Stripe secret key is");
        }
        URI url;
        try {
            url = URI.create(publicUrl);
        } catch (IllegalArgumentException e) {
            url = null;
        }
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalStateException("billfold.gateway.stripe.public-url (BILLFOLD_PUBLIC_URL) must be "
                    + "Billfold's absolute public URL, e.g. https://billing.example.com; got '" + publicUrl + "'");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()
                || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalStateException("Stripe timeouts must be positive");
        }
        return this;
    }

    /** Every setting but the two secrets, which say only whether they are set (docs/security.md, item 7). */
    @Override
    public String toString() {
        return ("StripeGatewayProperties[secretKey=%s, webhookSecret=%s, publicUrl=%s, apiBase=%s, connectTimeout=%s, "
                + "readTimeout=%s, maxNetworkRetries=%d, webhookTolerance=%s, displayName=%s]").formatted(
                Secrets.redact(secretKey), Secrets.redact(webhookSecret), publicUrl, apiBase, connectTimeout,
                readTimeout, maxNetworkRetries, webhookTolerance, displayName);
    }

    /** An absolute URL for one of our own paths. */
    String absolute(String ownPath) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + ownPath;
    }
}
