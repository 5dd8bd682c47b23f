package dev.billfold.apikey;

import dev.billfold.base.IpRanges;
import dev.billfold.security.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a presented key into the client it belongs to, for the API's filter. A key of the wrong shape is refused
 * before the database is asked; a known key is found by its hash, so nothing compares secrets.
 */
@Component
public class ApiKeyAuthenticator {

    /** The last use is written at most this often per key: the list shows it to the minute. */
    static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);
    private static final Pattern SHAPE = Pattern.compile("bfk_(live|test)_[A-Za-z0-9_-]{43}");
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

    private final ApiKeyStore store;
    private final Clock clock;

    ApiKeyAuthenticator(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Whether a text looks like one of our keys at all (an Authorization header may carry a JWT instead). */
    public static boolean looksLikeKey(String presented) {
        return presented.startsWith(ApiKeys.LIVE_PREFIX) || presented.startsWith(ApiKeys.TEST_PREFIX);
    }

    @Transactional
    public Outcome authenticate(String presented, @Nullable String address) {
        if (!SHAPE.matcher(presented).matches()) {
            return new Outcome(Optional.empty(), "The API key is not valid.");
        }
        Optional<ApiKeyStore.Presented> found = store.byHash(ApiKeys.hash(presented));
        if (found.isEmpty()) {
            return new Outcome(Optional.empty(), "The API key is not valid.");
        }
        ApiKeyStore.Presented key = found.get();
        if (key.revoked()) {
            log.warn("Revoked API key used: key={}", key.id().value());
            return new Outcome(Optional.empty(), "The API key has been revoked.");
        }
        if (!IpRanges.parse(key.ipRanges()).allows(address)) {
            log.warn("API key used from an address outside its ranges: key={}", key.id().value());
            return new Outcome(Optional.empty(), "The API key may not be used from this address.");
        }
        Instant now = clock.instant();
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USE_GRANULARITY))) {
            store.used(key.id(), now, now.minus(LAST_USE_GRANULARITY));
        }
        return new Outcome(Optional.of(new ApiClient(key.user(), key.name(), key.scopes(), key.id().client())), "");
    }

    /**
     * @param client  the key's client, or empty when refused
     * @param refusal why it was refused, for the 401 answer; the same text for an unknown and a malformed key
     */
    public record Outcome(Optional<ApiClient> client, String refusal) {
    }
}
