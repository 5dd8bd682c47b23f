package dev.billfold.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps background calls to each provider under {@link PollerProperties#callsPerSecond()} across all nodes that share
 * the database (DD-039). Each call reserves its slot in the provider's provider_call_slot row (GCRA, see
 * {@link CallSchedule}) in a short transaction of its own, and the caller sleeps until the slot after the commit, so
 * no lock is held while waiting and no call is made outside a reservation. Calls are evenly spaced (no burst): at 5
 * per second, one every 200 ms, whichever node makes it.
 *
 * <p>Real time, not the application's {@link Clock} bean: tests fix that one, and the limit is about the provider's
 * seconds. The nodes' clocks are assumed to be in step (NTP); a skew of d lets at most d × rate extra calls through.
 */
@Component
public class ProviderCallLimiter {

    /** Calls allowed back to back; 1 keeps every one-second window at or under the rate. */
    static final int BURST = 1;

    private final CallSchedule schedule;
    private final ProviderCallSlots slots;
    private final TransactionTemplate reserving;
    private final Clock clock;
    private final Sleeper sleeper;

    @Autowired
    ProviderCallLimiter(PollerProperties properties, ProviderCallSlots slots, PlatformTransactionManager transactions) {
        this(CallSchedule.perSecond(properties.callsPerSecond(), BURST), slots, transactions, Clock.systemUTC(),
                Thread::sleep);
    }

    ProviderCallLimiter(CallSchedule schedule, ProviderCallSlots slots, PlatformTransactionManager transactions,
                        Clock clock, Sleeper sleeper) {
        this.schedule = schedule;
        this.slots = slots;
        // A transaction of its own even when the caller has one open, so that the row lock ends at once.
        this.reserving = new TransactionTemplate(transactions);
        this.reserving.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Takes one call's slot for the provider, waiting for it at most {@code maxWait}. Returns false when no slot comes
     * in time (the caller leaves the rest for the next cycle); such a refusal reserves nothing. Throws the database's
     * exception when the slot cannot be reserved: without a reservation there is no call.
     */
    public boolean acquire(String provider, Duration maxWait) {
        CallSchedule.Reservation reservation = reserve(provider, maxWait);
        if (!reservation.granted()) {
            return false;
        }
        Duration wait = reservation.waitFrom(clock.instant());
        if (wait.isZero()) {
            return true;
        }
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException interrupted) {
            // The slot stays taken and unused: the provider sees one call fewer, never one more.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CallSchedule.Reservation reserve(String provider, Duration maxWait) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<CallSchedule.Reservation> reserved = Optional.ofNullable(reserving.execute(status -> {
                Optional<Instant> stored = slots.lock(provider);
                if (stored.isEmpty()) {
                    return null;
                }
                CallSchedule.Reservation reservation = schedule.reserve(stored.get(), clock.instant(), maxWait);
                if (reservation.granted()) {
                    slots.store(provider, Objects.requireNonNull(reservation.state()));
                }
                return reservation;
            }));
            if (reserved.isPresent()) {
                return reserved.get();
            }
            try {
                reserving.executeWithoutResult(status -> slots.create(provider, clock.instant()));
            } catch (DuplicateKeyException createdElsewhere) {
                // Another node created the row first; reserve in it.
            }
        }
        throw new IllegalStateException("No call slot row for provider " + provider);
    }

    /** How the limiter waits for a slot; tests pass one that moves their clock instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
