package dev.billfold.payment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The refund reconciliation's bookkeeping: which credited payments are due to be asked about, claimed briefly. */
@Repository
class RefundCheckStore {

    private final JdbcClient jdbc;

    RefundCheckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A payment to ask its provider about. */
    record Due(PaymentId id, String providerReference, Instant createdAt) {
    }

    /**
     * Claims up to {@code limit} of the provider's payments that hold (or held) credited money, made since
     * {@code since}, that are due: the payment rows are locked with SKIP LOCKED (so two nodes never take the same one)
     * and each is leased until {@code leaseUntil}. Newest first: a refund right after a payment is the usual case.
     */
    List<Due> claimDue(String provider, Instant since, Instant now, Instant leaseUntil, int limit) {
        List<Due> due = jdbc.sql("""
                        select id, provider_reference, created_at from payment p
                        where provider = :provider and method_kind <> 'INVOICE' and provider_reference is not null
                          and status in ('CREDITED', 'CONDITIONALLY_CREDITED') and created_at >= :since
                          and not exists (select 1 from payment_refund_check c where c.payment_id = p.id
                                            and c.next_check_at > :now)
                        order by created_at desc, id
                        limit :limit
                        for update skip locked""")
                .param("provider", provider).param("since", utc(since)).param("now", utc(now))
                .param("limit", limit)
                .query((rs, n) -> new Due(new PaymentId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
        due.forEach(d -> scheduleNext(d.id(), leaseUntil, false));
        return due;
    }

    /** Due again at {@code next}; {@code asked} counts a question that was answered. */
    void scheduleNext(PaymentId id, Instant next, boolean asked) {
        int changed = jdbc.sql("update payment_refund_check set next_check_at = ?, checks = checks + ? "
                        + "where payment_id = ?")
                .params(utc(next), asked ? 1 : 0, id.value()).update();
        if (changed == 0) {
            // Only under the payment's row lock (the claim), so no other node inserts it at the same time.
            jdbc.sql("insert into payment_refund_check (payment_id, next_check_at, checks) values (?, ?, ?)")
                    .params(id.value(), utc(next), asked ? 1 : 0).update();
        }
    }

    /** Shutdown: this node's unworked claims (held until {@code until}) are due at {@code now}, for any node. */
    int release(List<PaymentId> ids, Instant until, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update payment_refund_check set next_check_at = :now "
                        + "where payment_id in (:ids) and next_check_at = :until")
                .param("now", utc(now)).param("until", utc(until))
                .param("ids", ids.stream().map(PaymentId::value).toList()).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
