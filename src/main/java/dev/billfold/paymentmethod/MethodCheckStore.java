package dev.billfold.paymentmethod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The poller's bookkeeping on payment_method (when a row is next due, how often it was asked), outside the aggregate:
 * claims are short transactions of their own, and these columns never travel with the method.
 */
@Repository
class MethodCheckStore {

    private final JdbcClient jdbc;

    MethodCheckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} pending methods of the provider that are due: locked with SKIP LOCKED (rows another
     * node is claiming are passed over, not waited for), then leased until {@code leaseUntil} so that nobody asks
     * about them again before this node has. Call inside a short transaction.
     */
    List<DueMethod> claimDue(String provider, Instant now, Instant leaseUntil, Instant giveUpBefore, int limit) {
        List<DueMethod> due = jdbc.sql("""
                        select id, setup_reference from payment_method
                        where status = 'PENDING' and provider = :provider
                          and (setup_reference is not null or created_at <= :giveUpBefore)
                          and (next_check_at is null or next_check_at <= :now)
                        order by next_check_at nulls first, created_at, id
                        limit :limit
                        for update skip locked""")
                .param("provider", provider).param("now", utc(now)).param("giveUpBefore", utc(giveUpBefore))
                .param("limit", limit)
                .query((rs, n) -> new DueMethod(new PaymentMethodId(rs.getObject(1, UUID.class)), rs.getString(2)))
                .list();
        if (!due.isEmpty()) {
            jdbc.sql("update payment_method set next_check_at = :until where id in (:ids)")
                    .param("until", utc(leaseUntil))
                    .param("ids", due.stream().map(d -> d.id().value()).toList())
                    .update();
        }
        return due;
    }

    /** Confirmed cards whose expiry has passed, locked the same way. */
    List<PaymentMethodId> claimExpired(LocalDate today, int limit) {
        return jdbc.sql("""
                        select id from payment_method
                        where status = 'CONFIRMED' and expires_on < :today
                        order by expires_on, id
                        limit :limit
                        for update skip locked""")
                .param("today", today).param("limit", limit)
                .query((rs, n) -> new PaymentMethodId(rs.getObject(1, UUID.class))).list();
    }

    /** Counts one more unanswered question and returns the count. */
    int recordAttempt(PaymentMethodId id) {
        jdbc.sql("update payment_method set check_attempts = check_attempts + 1 where id = ?").param(id.value())
                .update();
        return jdbc.sql("select check_attempts from payment_method where id = ?").param(id.value())
                .query(Integer.class).single();
    }

    void scheduleNext(PaymentMethodId id, Instant at) {
        jdbc.sql("update payment_method set next_check_at = ? where id = ?").params(utc(at), id.value()).update();
    }

    /** For tests and the page: when the method is next asked about and how often it was. */
    CheckState state(PaymentMethodId id) {
        return jdbc.sql("select next_check_at, check_attempts from payment_method where id = ?").param(id.value())
                .query((rs, n) -> {
                    OffsetDateTime next = rs.getObject(1, OffsetDateTime.class);
                    return new CheckState(next == null ? null : next.toInstant(), rs.getInt(2));
                }).single();
    }

    /** Shutdown: this node's unworked claims (held until {@code until}) are due at {@code now}, for any node. */
    int release(List<PaymentMethodId> ids, Instant until, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update payment_method set next_check_at = :now where id in (:ids) and next_check_at = :until")
                .param("now", utc(now)).param("until", utc(until))
                .param("ids", ids.stream().map(PaymentMethodId::value).toList()).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    record DueMethod(PaymentMethodId id, @Nullable String setupReference) {
    }

    record CheckState(@Nullable Instant nextCheckAt, int attempts) {
    }
}
