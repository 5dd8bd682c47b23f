package dev.billfold.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The named limits, {@code billfold.rate-limits.<name>.capacity / .period / .max-lockout}; the defaults are in
 * application.properties and docs/configuration.md. Bound under the {@code billfold} prefix so that the limit names
 * sit directly under {@code billfold.rate-limits}.
 */
@ConfigurationProperties("billfold")
public record RateLimitProperties(Map<String, RateLimit> rateLimits) {

    public RateLimitProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    /** The limit of that name; a name without configuration is a programming error, not a request to allow all. */
    public RateLimit limit(String name) {
        RateLimit limit = rateLimits.get(name);
        if (limit == null) {
            throw new IllegalStateException("No rate limit named %s: set billfold.rate-limits.%s.capacity and .period"
                    .formatted(name, name));
        }
        return limit;
    }
}
