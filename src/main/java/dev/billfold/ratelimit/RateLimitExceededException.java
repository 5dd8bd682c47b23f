package dev.billfold.ratelimit;

import dev.billfold.base.InvalidRequestException;
import java.time.Duration;

/**
 * A request refused by a rate limit. Like any {@link InvalidRequestException} its message is safe to show as it is,
 * and nothing was changed; it also says when to try again.
 */
public class RateLimitExceededException extends InvalidRequestException {

    private final Duration retryAfter;

    /** @param what  what was refused and that nothing was done, as whole sentences; the wait is added after them */
    public RateLimitExceededException(String what, RateDecision refusal) {
        super(what + " Please try again " + RateDecision.inWords(refusal.retryAfter()) + ".");
        this.retryAfter = refusal.retryAfter();
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
