package dev.billfold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * A clock that tests set and move by hand. Once set (or moved) it stands still, so nothing depends on timing; until
 * then, and again after {@link #reset()}, it follows the system clock, as the application's own clock does.
 *
 * <p>The shared test clock ({@link TestClockConfiguration}) is reset before every test, so a test that never sets it
 * sees real time: two payments it creates one after the other get two different creation times, which the history's
 * newest-first order relies on.
 */
public final class MutableClock extends Clock {

    private volatile @Nullable Instant now;

    /** A clock standing still at {@code start}. */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock that follows the system clock until it is set or moved. */
    public MutableClock() {
        this.now = null;
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** Moves the clock on from where it is (the system time, if it was never set) and stops it there. */
    public void advance(Duration by) {
        now = instant().plus(by);
    }

    /** Follows the system clock again. */
    public void reset() {
        now = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant set = now;
        return set == null ? Clock.system(zone) : Clock.fixed(set, zone);
    }

    @Override
    public Instant instant() {
        Instant set = now;
        return set == null ? Instant.now() : set;
    }
}
