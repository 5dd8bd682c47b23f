package dev.billfold.gateway.paypal;

import static dev.billfold.gateway.paypal.PayPalWebhookVerifier.AUTH_ALGO;
import static dev.billfold.gateway.paypal.PayPalWebhookVerifier.CERT_URL;
import static dev.billfold.gateway.paypal.PayPalWebhookVerifier.TRANSMISSION_ID;
import static dev.billfold.gateway.paypal.PayPalWebhookVerifier.TRANSMISSION_SIG;
import static dev.billfold.gateway.paypal.PayPalWebhookVerifier.TRANSMISSION_TIME;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * What a webhook delivery must show before PayPal is asked about it, all of it free to check: the five transmission
 * headers, a transmission time within five minutes of ours, a signature algorithm on the allow-list and a certificate
 * URL on one of PayPal's API hosts. A delivery that fails them is refused without a call, so forgeries cost PayPal's
 * rate limit nothing. PayPal signs the transmission time, so a captured delivery replayed later is refused here too.
 */
final class PayPalWebhookChecks {

    static final Duration TRANSMISSION_TOLERANCE = Duration.ofMinutes(5);
    /** The one algorithm PayPal signs webhooks with. */
    static final Set<String> ALGORITHMS = Set.of("SHA256withRSA");
    /** PayPal's API hosts: api. as in the certificate URLs PayPal sends, api-m. as in its REST reference. */
    static final Set<String> LIVE_HOSTS = Set.of("api.paypal.com", "api-m.paypal.com");
    static final Set<String> SANDBOX_HOSTS = Set.of("api.sandbox.paypal.com", "api-m.sandbox.paypal.com");

    static final String MISSING_HEADERS = "Missing transmission headers";
    static final String UNREADABLE_TIME = "Unreadable transmission time";
    static final String STALE = "Transmission time is not within 5 minutes of ours";
    static final String ALGORITHM = "Signature algorithm not accepted";
    static final String NOT_PAYPALS_CERTIFICATE = "Certificate URL is not on a PayPal host";

    private final Clock clock;
    private final Set<String> certificateHosts;
    private final @Nullable HttpUrl localFake;

    private PayPalWebhookChecks(Clock clock, Set<String> certificateHosts, @Nullable HttpUrl localFake) {
        this.clock = clock;
        this.certificateHosts = certificateHosts;
        this.localFake = localFake;
    }

    /**
     * The checks for the configured PayPal environment: its own two hosts (a live webhook never names a sandbox
     * certificate, nor the other way round). Only outside the production profile, the test base URL's origin is
     * accepted as well, so that the local fake works; in production no setting can widen the list.
     */
    static PayPalWebhookChecks of(PayPalProperties properties, boolean productionProfile, Clock clock) {
        boolean live = properties.environment().trim().toUpperCase(Locale.ROOT).equals("PRODUCTION");
        String base = properties.apiBaseUrl();
        HttpUrl fake = productionProfile || base == null || base.isBlank() ? null : HttpUrl.get(base);
        return new PayPalWebhookChecks(clock, live ? LIVE_HOSTS : SANDBOX_HOSTS, fake);
    }

    /** Why the delivery is refused without asking PayPal, or null when PayPal may be asked. */
    @Nullable String refusal(Map<String, String> headers) {
        for (String name : List.of(TRANSMISSION_ID, TRANSMISSION_TIME, TRANSMISSION_SIG, CERT_URL, AUTH_ALGO)) {
            String value = headers.get(name);
            if (value == null || value.isBlank()) {
                return MISSING_HEADERS;
            }
        }
        Instant sent;
        try {
            sent = OffsetDateTime.parse(headers.get(TRANSMISSION_TIME).trim()).toInstant();
        } catch (DateTimeParseException unreadable) {
            return UNREADABLE_TIME;
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(TRANSMISSION_TOLERANCE) > 0) {
            return STALE;
        }
        if (!ALGORITHMS.contains(headers.get(AUTH_ALGO).trim())) {
            return ALGORITHM;
        }
        if (!isPayPalCertificate(headers.get(CERT_URL).trim())) {
            return NOT_PAYPALS_CERTIFICATE;
        }
        return null;
    }

    private boolean isPayPalCertificate(String certificateUrl) {
        HttpUrl url = HttpUrl.parse(certificateUrl);
        if (url == null || !url.username().isEmpty() || !url.password().isEmpty()) {
            return false;
        }
        if (url.isHttps() && url.port() == 443 && certificateHosts.contains(url.host())) {
            return true;
        }
        return localFake != null && url.scheme().equals(localFake.scheme()) && url.host().equals(localFake.host())
                && url.port() == localFake.port();
    }
}
