package dev.billfold.gateway.paypal;

import dev.billfold.base.Secrets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PayPal's REST credentials. PayPal is offered only when a client id is set; the secret and the webhook id then must be
 * set too, and come from the environment in production; {@link #toString} never prints the secret.
 *
 * @param clientId       REST app client id; blank switches PayPal off
 * @param clientSecret   REST app secret
 * @param webhookId      id PayPal gave the webhook subscription, needed to verify each event
 * @param environment    SANDBOX or PRODUCTION (PayPal's fixed API hosts)
 * @param publicUrl      our own address as the customer's browser sees it, for PayPal's absolute return/cancel URLs
 * @param apiBaseUrl     only for tests and local fakes: sends every API call to this host instead of PayPal's;
 *                       production refuses it outside a showroom on this machine (security.ProductionSafety)
 * @param brandName      the merchant name PayPal shows on its page
 * @param connectTimeout how long to wait for a connection to PayPal
 * @param readTimeout    how long to wait for PayPal's answer; after that the outcome is unknown, never a decline
 * @param requestIdRetention how long PayPal keeps a PayPal-Request-Id and replays its first answer: 6 hours as PayPal
 *                       documents for Orders v2, up to 72 hours when arranged with PayPal (DD-034)
 * @param webhookVerificationsInFlight how many webhook signature checks this node may have open at PayPal at once;
 *                       further webhooks are answered 503 at once, so a flood holds neither request threads nor the
 *                       PayPal rate limit that checkout and capture share
 * @param webhookClaimLease how long a delivery holds a webhook event it took on; one that died holding it is redone
 *                       by a redelivery after this (DD-053). Longer than the event's work: two calls to PayPal
 */
@ConfigurationProperties("billfold.gateway.paypal")
record PayPalProperties(
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String webhookId,
        @DefaultValue("SANDBOX") String environment,
        @Nullable String publicUrl,
        @Nullable String apiBaseUrl,
        @DefaultValue("Billfold") String brandName,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("6h") Duration requestIdRetention,
        @DefaultValue("8") int webhookVerificationsInFlight,
        @DefaultValue("5m") Duration webhookClaimLease) {

    /** What switches PayPal on (DD-050): a client id, without which it cannot work. */
    static final String CLIENT_ID = "billfold.gateway.paypal.client-id";

    /** Every setting but the client secret, which says only whether it is set (docs/security.md, item 7). */
    @Override
    public String toString() {
        return ("PayPalProperties[clientId=%s, clientSecret=%s, webhookId=%s, environment=%s, publicUrl=%s, "
                + "apiBaseUrl=%s, brandName=%s, connectTimeout=%s, readTimeout=%s, requestIdRetention=%s, "
                + "webhookVerificationsInFlight=%d, webhookClaimLease=%s]").formatted(
                clientId, Secrets.redact(clientSecret), webhookId, environment, publicUrl, apiBaseUrl, brandName,
                connectTimeout, readTimeout, requestIdRetention, webhookVerificationsInFlight, webhookClaimLease);
    }
}
