package dev.billfold.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The integration API's settings ({@code billfold.api.*}, docs/configuration.md).
 *
 * @param maxBodySize     larger request bodies are refused unread (413)
 * @param idempotencyTtl  how long a response is replayed for its Idempotency-Key (at least 24 h, as Stripe's)
 * @param idempotencyLease how long a request in progress holds its key; after it (a node died mid-request) the key
 *                        may be used again
 * @param oauth2          OAuth2 client-credentials tokens, accepted when an issuer is set
 */
@ConfigurationProperties("billfold.api")
record ApiProperties(DataSize maxBodySize, Duration idempotencyTtl, Duration idempotencyLease, OAuth2 oauth2) {

    ApiProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
        idempotencyTtl = idempotencyTtl == null ? Duration.ofHours(24) : idempotencyTtl;
        idempotencyLease = idempotencyLease == null ? Duration.ofMinutes(1) : idempotencyLease;
        oauth2 = oauth2 == null ? new OAuth2(null, null, null) : oauth2;
        if (idempotencyTtl.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("billfold.api.idempotency-ttl must be at least 24 hours");
        }
    }

    /**
     * @param issuerUri  the identity server's issuer; its JWKS is found through its discovery document
     * @param audience   a token must name this audience
     * @param scopeClaim the claim with the scopes, space-separated or a list ({@code scope} unless set)
     */
    record OAuth2(@Nullable String issuerUri, @Nullable String audience, @Nullable String scopeClaim) {

        OAuth2 {
            scopeClaim = scopeClaim == null || scopeClaim.isBlank() ? "scope" : scopeClaim;
        }

        boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
