package dev.billfold.polling;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The slot arithmetic of the shared call limit, kept free of the database so it can be tested with a fixed clock. It
 * is GCRA ("virtual scheduling"): the state is one instant per provider, the theoretical arrival time of the next
 * call. A call is allowed {@code tolerance} before it, and each call moves it on by one {@code interval}.
 *
 * @param interval  time between two calls at the configured rate
 * @param burst     calls allowed back to back after a quiet spell; 1 means strictly spaced calls
 */
record CallSchedule(Duration interval, int burst) {

    /**
     * A stored slot further ahead than this can only come from a node whose clock ran ahead; it is reset rather than
     * letting that clock hold every node's calls back. A real queue is never this long: a slot is only taken within
     * the caller's wait, and the pollers wait at most their budget per cycle.
     */
    static final Duration IMPLAUSIBLY_FAR = Duration.ofHours(1);

    CallSchedule {
        if (interval.isNegative() || interval.isZero() || burst < 1) {
            throw new IllegalArgumentException("A call schedule needs a positive interval and a burst of at least 1");
        }
    }

    /**
     * The schedule for {@code perSecond} calls; the interval is rounded to whole microseconds, the database's
     * precision.
     */
    static CallSchedule perSecond(double perSecond, int burst) {
        long micros = Math.max(1, Math.round(1_000_000 / perSecond));
        return new CallSchedule(Duration.ofNanos(micros * 1_000), burst);
    }

    /**
     * Reserves the next call made no earlier than {@code now}, given the stored state ({@code null}: no call yet).
     * Refused when its slot lies more than {@code maxWait} ahead; a refusal leaves the state as it was.
     */
    Reservation reserve(@Nullable Instant stored, Instant now, Duration maxWait) {
        Instant next = stored == null || stored.isAfter(now.plus(IMPLAUSIBLY_FAR).plus(interval.multipliedBy(burst)))
                ? now : stored;
        Instant earliest = next.minus(interval.multipliedBy(burst - 1));
        Instant slot = earliest.isAfter(now) ? earliest : now;
        if (Duration.between(now, slot).compareTo(maxWait) > 0) {
            return new Reservation(false, slot, stored);
        }
        Instant from = next.isAfter(now) ? next : now;
        return new Reservation(true, slot, from.plus(interval));
    }

    /**
     * @param granted  whether the call may be made
     * @param slot     when it may be made (for a refusal: when it could have been)
     * @param state    what to store afterwards; unchanged on a refusal
     */
    record Reservation(boolean granted, Instant slot, @Nullable Instant state) {

        Duration waitFrom(Instant now) {
            return slot.isAfter(now) ? Duration.between(now, slot) : Duration.ZERO;
        }
    }
}
