package dev.billfold.payment;

import dev.billfold.base.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reconciler's bookkeeping on payment rows (next check, attempts), claimed in short transactions of their own. */
@Repository
class PaymentCheckStore {

    private final JdbcClient jdbc;

    PaymentCheckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due checkouts of the provider with a provider reference, still waiting or held
     * because the provider could not be asked at their expiry (DD-055): SKIP LOCKED, then leased until
     * {@code leaseUntil}, so that each is asked about once per cycle across all nodes.
     */
    List<DuePayment> claimDue(String provider, Instant now, Instant leaseUntil, int limit) {
        List<DuePayment> due = jdbc.sql("""
                        select id, provider_reference, created_at from payment
                        where (status = 'WAITING_FOR_PAYMENT'
                            or (status = 'WAITING_FOR_CLARIFICATION' and outcome_open))
                          and method_kind = 'CHECKOUT' and provider = :provider
                          and provider_reference is not null
                          and (next_check_at is null or next_check_at <= :now)
                        order by next_check_at nulls first, created_at, id
                        limit :limit
                        for update skip locked""")
                .param("provider", provider).param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new DuePayment(new PaymentId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
        lease(due.stream().map(d -> d.id().value()).toList(), leaseUntil);
        return due;
    }

    /**
     * Claims up to {@code limit} due saved-method charges of the provider still waiting, with or without a provider
     * reference, like {@link #claimDue}. A charge younger than {@code sentBefore} is left alone: its first request may
     * still be on its way, and a re-send would only race it. A charge that waits for its customer, who was never sent
     * to act on it, is left alone until it expires at {@code customerExpiredBefore}: only the customer can move it, so
     * asking would only spend a call (DD-043).
     */
    List<DueCharge> claimDueCharges(String provider, Instant now, Instant sentBefore, Instant customerExpiredBefore,
                                    Instant leaseUntil, int limit) {
        List<DueCharge> due = jdbc.sql("""
                        select id, provider_reference, created_at, idempotency_key,
                          coalesce(pay_value, amount_value), coalesce(pay_currency, amount_currency),
                          (select count(*) from payment_customer_action a where a.payment_id = payment.id
                             and a.kind is not null) as waits_for_customer
                        from payment
                        where status = 'WAITING_FOR_PAYMENT' and method_kind = 'SAVED_METHOD' and provider = :provider
                          and created_at <= :sentBefore
                          and (next_check_at is null or next_check_at <= :now)
                          and (created_at <= :customerExpiredBefore or not exists (
                            select 1 from payment_customer_action a where a.payment_id = payment.id
                              and a.kind is not null and a.attempts = 0))
                        order by next_check_at nulls first, created_at, id
                        limit :limit
                        for update skip locked""")
                .param("provider", provider).param("now", utc(now)).param("sentBefore", utc(sentBefore))
                .param("customerExpiredBefore", utc(customerExpiredBefore)).param("limit", limit)
                .query((rs, n) -> new DueCharge(new PaymentId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                        Money.of(rs.getBigDecimal(5), Currency.getInstance(rs.getString(6).trim())), rs.getInt(7) > 0))
                .list();
        lease(due.stream().map(d -> d.id().value()).toList(), leaseUntil);
        return due;
    }

    /** Holds claimed rows until {@code until}: other nodes skip them, and they are due again if this one dies. */
    private void lease(List<UUID> ids, Instant until) {
        if (!ids.isEmpty()) {
            jdbc.sql("update payment set next_check_at = :until where id in (:ids)")
                    .param("until", utc(until)).param("ids", ids).update();
        }
    }

    /**
     * Gives back claims this node holds until {@code until} and did not work on (shutdown): due at {@code now}, so that
     * any node takes them at once. A row rescheduled since is not this claim's any more and is left alone.
     */
    int release(List<PaymentId> ids, Instant until, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update payment set next_check_at = :now where id in (:ids) and next_check_at = :until")
                .param("now", utc(now)).param("until", utc(until))
                .param("ids", ids.stream().map(PaymentId::value).toList()).update();
    }

    /**
     * Waiting payments past their expiry that nobody can have paid without a provider telling us: invoices, and
     * checkouts that never got a provider reference. Checkouts with a reference expire in the reconciler, after a last
     * question, or are held while their provider is switched off ({@link #claimUnaskable}). Saved-method charges left
     * waiting are not deleted: an off-session charge that timed out may still have taken the money (DD-031).
     */
    List<PaymentId> claimExpired(Instant invoicesBefore, Instant othersBefore, int limit) {
        return jdbc.sql("""
                        select id from payment
                        where status = 'WAITING_FOR_PAYMENT'
                          and ((method_kind = 'INVOICE' and created_at <= :invoicesBefore)
                            or (method_kind = 'CHECKOUT' and created_at <= :othersBefore
                                and provider_reference is null))
                        order by created_at, id
                        limit :limit
                        for update skip locked""")
                .param("invoicesBefore", utc(invoicesBefore)).param("othersBefore", utc(othersBefore))
                .param("limit", limit)
                .query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class))).list();
    }

    /**
     * Waiting checkouts past their expiry that have a provider reference at a provider that is switched off: the
     * customer may have paid there, and nobody can ask, so they are held rather than deleted (DD-055).
     */
    List<PaymentId> claimUnaskable(Instant before, Collection<String> askableProviders, int limit) {
        List<String> providers = askableProviders.isEmpty() ? List.of("") : List.copyOf(askableProviders);
        return jdbc.sql("""
                        select id from payment
                        where status = 'WAITING_FOR_PAYMENT' and method_kind = 'CHECKOUT' and created_at <= :before
                          and provider_reference is not null and provider not in (:providers)
                        order by created_at, id
                        limit :limit
                        for update skip locked""")
                .param("before", utc(before)).param("providers", providers).param("limit", limit)
                .query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class))).list();
    }

    int recordAttempt(PaymentId id) {
        jdbc.sql("update payment set check_attempts = check_attempts + 1 where id = ?").param(id.value()).update();
        return jdbc.sql("select check_attempts from payment where id = ?").param(id.value()).query(Integer.class)
                .single();
    }

    /** Questions start afresh: due at once, and the backoff from its first step. */
    void restart(PaymentId id) {
        jdbc.sql("update payment set check_attempts = 0, next_check_at = null where id = ?").param(id.value()).update();
    }

    void scheduleNext(PaymentId id, Instant at) {
        jdbc.sql("update payment set next_check_at = ? where id = ?").params(utc(at), id.value()).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    record DuePayment(PaymentId id, String providerReference, Instant createdAt) {
    }

    /**
     * @param amount           what the provider was asked to charge (a quote's pay amount, DD-096)
     * @param waitsForCustomer the provider's last word was that only the customer can finish it (DD-037)
     */
    record DueCharge(PaymentId id, @Nullable String providerReference, Instant createdAt, String idempotencyKey,
                     Money amount, boolean waitsForCustomer) {
    }
}
