package dev.billfold.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of one limit, kept free of the database so it can be tested on fixed instants. It is GCRA, as the
 * providers' call slots are (DD-039): a key's state is one instant, the theoretical arrival time of its next use. A
 * use is allowed while that instant lies at most {@code (capacity - 1) × interval} ahead, and each use moves it on by
 * one interval; a key that stays away comes back to a full allowance. The back-off adds to that instant, so it is one
 * mechanism with one state. Instants and durations are whole microseconds, as the database stores them, so that a
 * stored state means exactly what was computed.
 */
final class RateSchedule {

    /** Enough doublings for any lockout; keeps the shift below overflow. */
    private static final int MAX_STRIKES = 30;

    private final Duration interval;
    private final Duration tolerance;
    private final @Nullable Duration maxLockout;

    RateSchedule(RateLimit limit) {
        this.interval = limit.interval();
        this.tolerance = interval.multipliedBy(limit.capacity() - 1L);
        this.maxLockout = limit.maxLockout() == null ? null : limit.maxLockout().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * One more use at {@code now}, given the stored state (null: none). The outcome says whether it was within the
     * allowance and what to store if it is counted; a refused use that is not counted leaves the state as it was.
     */
    Outcome take(@Nullable State stored, Instant now) {
        boolean drained = stored == null || !stored.nextAt().isAfter(now);
        Instant base = drained ? now : stored.nextAt();
        int strikes = drained ? 0 : stored.strikes();
        Instant allowedFrom = base.minus(tolerance);
        boolean allowed = !allowedFrom.isAfter(now);
        Instant next = base.plus(interval);
        if (maxLockout != null && next.minus(tolerance).isAfter(now)) {
            // This use leaves nothing: the k-th time in a row, the next one waits interval × 2^(k-1), capped.
            strikes = Math.min(strikes + 1, MAX_STRIKES);
            Duration lockout = interval.multipliedBy(1L << (strikes - 1));
            if (lockout.compareTo(maxLockout) > 0) {
                lockout = maxLockout.compareTo(interval) > 0 ? maxLockout : interval;
            }
            next = next.plus(lockout.minus(interval));
        }
        return new Outcome(allowed, allowed ? Duration.ZERO : Duration.between(now, allowedFrom),
                new State(next, strikes));
    }

    /**
     * @param nextAt   the theoretical arrival time of the key's next use
     * @param strikes  how many times in a row the key used up its allowance since it was last quiet for a period
     */
    record State(Instant nextAt, int strikes) {
    }

    /**
     * @param allowed     whether the use was within the allowance
     * @param retryAfter  for a refusal: how long until a use is allowed again
     * @param counted     the state once this use is counted
     */
    record Outcome(boolean allowed, Duration retryAfter, State counted) {
    }
}
