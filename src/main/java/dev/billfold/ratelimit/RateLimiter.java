package dev.billfold.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named rate limits that hold across all nodes on the database (DD-056). Each key's state is one row (GCRA, see
 * {@link RateSchedule}), read {@code FOR UPDATE} and written in a short transaction of its own, so two nodes asking
 * at once queue on the row and the allowance is never handed out twice.
 *
 * <p>Time is the application's {@link Clock}: limits of minutes and hours, which tests move through by hand. The
 * nodes' clocks are assumed to be in step (NTP); a skew of d shifts a key's allowance by at most d.
 */
@Component
public class RateLimiter {

    private final RateLimitProperties properties;
    private final Map<String, RateSchedule> schedules = new HashMap<>();
    private final RateLimitStore store;
    private final TransactionTemplate own;
    private final Clock clock;

    RateLimiter(RateLimitProperties properties, RateLimitStore store, PlatformTransactionManager transactions,
                Clock clock) {
        this.properties = properties;
        properties.rateLimits().forEach((name, limit) -> schedules.put(name, new RateSchedule(limit)));
        this.store = store;
        // A transaction of its own even inside a caller's, so that the row lock ends at once and a refusal or a use
        // does not depend on whether the caller's work commits.
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Takes one use of every key, or of none: refused when any of them has no allowance left, and then nothing is
     * counted. For work about to be done (a top-up, an invitation), before anything is created.
     */
    public RateDecision tryAcquire(RateKey... keys) {
        return update(keys, false);
    }

    /**
     * Counts one use of every key, allowed or not, for something that has already happened (a failed sign-in). The
     * answer says whether it was still within the limits.
     */
    public RateDecision record(RateKey... keys) {
        return update(keys, true);
    }

    /** Whether one use of every key would be allowed now; counts nothing. */
    public RateDecision check(RateKey... keys) {
        Instant now = now();
        RateDecision answer = RateDecision.ALLOWED;
        for (RateKey key : keys) {
            RateSchedule.Outcome outcome = schedule(key)
                    .take(store.find(key.limit(), hash(key.key())).orElse(null), now);
            answer = worse(answer, key, outcome);
        }
        return answer;
    }

    /** Forgets the key's uses: a successful sign-in clears its user name's failures. */
    public void reset(RateKey key) {
        schedule(key);
        store.delete(key.limit(), hash(key.key()));
    }

    /** Deletes the rows of keys that are back to a full allowance; they mean the same as no row. */
    int purge() {
        return store.deleteDrained(now());
    }

    /** Whole microseconds, as the database stores them (H2 rounds a finer instant, which could refuse a use). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private RateDecision update(RateKey[] keys, boolean count) {
        // Rows are locked in one order, so two callers with overlapping keys cannot deadlock.
        List<Row> rows = Arrays.stream(keys).distinct().map(key -> new Row(key, schedule(key), hash(key.key())))
                .sorted(Comparator.comparing(Row::limit).thenComparing(Row::hash)).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(own.execute(status -> take(rows, count)));
            } catch (DuplicateKeyException createdElsewhere) {
                // Another node created one of the rows first; the next attempt locks it.
                if (attempt == 3) {
                    throw createdElsewhere;
                }
            }
        }
    }

    private RateDecision take(List<Row> rows, boolean count) {
        Instant now = now();
        List<Optional<RateSchedule.State>> stored = new ArrayList<>();
        List<RateSchedule.Outcome> outcomes = new ArrayList<>();
        RateDecision answer = RateDecision.ALLOWED;
        for (Row row : rows) {
            Optional<RateSchedule.State> state = store.lock(row.limit(), row.hash());
            RateSchedule.Outcome outcome = row.schedule().take(state.orElse(null), now);
            stored.add(state);
            outcomes.add(outcome);
            answer = worse(answer, row.key(), outcome);
        }
        if (answer.allowed() || count) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (stored.get(i).isPresent()) {
                    store.update(row.limit(), row.hash(), outcomes.get(i).counted());
                } else {
                    store.insert(row.limit(), row.hash(), outcomes.get(i).counted());
                }
            }
        }
        return answer;
    }

    private static RateDecision worse(RateDecision sofar, RateKey key, RateSchedule.Outcome outcome) {
        if (outcome.allowed() || (!sofar.allowed() && sofar.retryAfter().compareTo(outcome.retryAfter()) >= 0)) {
            return sofar;
        }
        return new RateDecision(false, outcome.retryAfter(), key.limit());
    }

    private RateSchedule schedule(RateKey key) {
        RateSchedule schedule = schedules.get(key.limit());
        if (schedule == null) {
            properties.limit(key.limit());
        }
        return Objects.requireNonNull(schedule);
    }

    /**
     * Keys are stored hashed: bounded in length, and a user name typed into the sign-in form (or a password typed
     * there by mistake) is not kept in clear text; its row goes with the hourly purge once drained.
     */
    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Row(RateKey key, RateSchedule schedule, String hash) {

        String limit() {
            return key.limit();
        }
    }
}
