package dev.billfold.hosting;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The guards of the auto top-up (DD-105): the firing in flight (its idempotency key), the declines in a row and the
 * time before which no new attempt is made after one, and when it switched itself off after too many.
 */
public record AutoTopUpState(int declines, @Nullable Instant retryAfter, @Nullable Instant switchedOffAt,
                             @Nullable String inFlightKey, @Nullable Instant inFlightSince, long firings) {

    static final AutoTopUpState NONE = new AutoTopUpState(0, null, null, null, null, 0);

    /** Waiting after a decline at {@code now}. */
    public boolean backingOff(Instant now) {
        return retryAfter != null && now.isBefore(retryAfter);
    }
}
