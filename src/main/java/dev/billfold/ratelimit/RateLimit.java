package dev.billfold.ratelimit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * One named limit, per key: {@code capacity} uses at once, given back evenly over {@code period} (one every
 * period / capacity). With {@code maxLockout} set, a key that keeps using up its allowance waits longer each time:
 * one interval, then two, four, ... up to {@code maxLockout}, until it has been quiet for a whole period.
 *
 * @param capacity    uses allowed back to back after a quiet period
 * @param period      time in which a used-up allowance comes back in full
 * @param maxLockout  longest wait of the growing back-off; null: no back-off
 */
public record RateLimit(int capacity, Duration period, @Nullable Duration maxLockout) {

    public RateLimit {
        if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive period");
        }
        if (period.dividedBy(capacity).toNanos() < 1_000) {
            throw new IllegalArgumentException("A rate limit's period / capacity must be at least a microsecond");
        }
        if (maxLockout != null && (maxLockout.isNegative() || maxLockout.isZero())) {
            throw new IllegalArgumentException("A rate limit's max-lockout must be positive");
        }
    }

    /** Time between two uses at the sustained rate, in whole microseconds: the database's precision. */
    public Duration interval() {
        return period.dividedBy(capacity).truncatedTo(ChronoUnit.MICROS);
    }
}
