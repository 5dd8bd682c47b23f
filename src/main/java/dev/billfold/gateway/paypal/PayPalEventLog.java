package dev.billfold.gateway.paypal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook events we took on. Taking one on is a lease: the delivery holds the event until {@code claimed_until},
 * and its work commits in one transaction with the event's outcome (the DONE mark). A delivery that died in between
 * (a crash, a deploy) leaves only its claim behind, and once the lease has run out a redelivery takes the event on
 * again, so no event is lost; the settlement it reaches is idempotent, so none counts twice (DD-053).
 */
class PayPalEventLog {

    static final String PROCESSING = "PROCESSING";
    private static final Logger log = LoggerFactory.getLogger(PayPalEventLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final TransactionTemplate transaction;

    PayPalEventLog(JdbcClient jdbc, Clock clock, Duration lease, PlatformTransactionManager transactionManager) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("billfold.gateway.paypal.webhook-claim-lease must be positive");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** What a delivery finds when it tries to take an event on. */
    sealed interface Claim {

        /** The event is this delivery's until {@code until}. */
        record Taken(Instant until) implements Claim {
        }

        /** The event was done before. */
        record Done(String outcome) implements Claim {
        }

        /** Another delivery holds it until {@code until}: it may still finish, or may have died. */
        record Held(Instant until) implements Claim {
        }
    }

    Claim claim(String eventId, String eventType, @Nullable String resourceId) {
        Instant now = clock.instant();
        // Milliseconds survive both databases unchanged, so a release can name its own claim by it.
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        try {
            jdbc.sql("insert into paypal_event "
                            + "(event_id, event_type, resource_id, outcome, received_at, claimed_until) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(eventId, eventType, resourceId, PROCESSING, utc(now), utc(until))
                    .update();
            return new Claim.Taken(until);
        } catch (DuplicateKeyException duplicate) {
            int retaken = jdbc.sql("update paypal_event set claimed_until = ? "
                            + "where event_id = ? and outcome = ? and claimed_until <= ?")
                    .params(utc(until), eventId, PROCESSING, utc(now))
                    .update();
            if (retaken == 1) {
                log.warn("PayPal event {}: the delivery that took it on did not finish within its lease; "
                        + "processing it again", eventId);
                return new Claim.Taken(until);
            }
            return jdbc.sql("select outcome, claimed_until from paypal_event where event_id = ?")
                    .param(eventId)
                    .query((row, n) -> PROCESSING.equals(row.getString(1))
                            ? (Claim) new Claim.Held(row.getObject(2, OffsetDateTime.class).toInstant())
                            : new Claim.Done(row.getString(1)))
                    .optional()
                    // Released a moment ago by a delivery that could not finish: the next one may take it.
                    .orElse(new Claim.Held(now));
        }
    }

    /**
     * Runs the event's work and records its outcome in the same transaction: the settlement it reaches and the DONE
     * mark commit together, or neither does and the claim stays for a redelivery.
     */
    String complete(String eventId, Supplier<String> work) {
        return Objects.requireNonNull(transaction.execute(status -> {
            String outcome = work.get();
            int marked = jdbc.sql("update paypal_event set outcome = ? where event_id = ? and outcome = ?")
                    .params(outcome, eventId, PROCESSING)
                    .update();
            if (marked == 0) {
                log.info("PayPal event {} was completed by another delivery first", eventId);
            }
            return outcome;
        }));
    }

    /** Gives the event up for a redelivery, unless another delivery has taken it over since ({@code until} is ours). */
    void release(String eventId, Instant until) {
        jdbc.sql("delete from paypal_event where event_id = ? and outcome = ? and claimed_until = ?")
                .params(eventId, PROCESSING, utc(until))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
