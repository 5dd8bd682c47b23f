package dev.billfold.refund;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.base.TimeCursor;
import dev.billfold.payment.PaymentId;
import dev.billfold.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refund requests and their parts. Every change is a conditional update over the version it was made on, so of two
 * deciders (or a webhook and the poller) the second changes nothing and is told what happened.
 */
@Repository
class RefundStore {

    private final JdbcClient jdbc;

    RefundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RefundRequest request) {
        RefundRequest.PayoutAccount payout = request.payout();
        jdbc.sql("""
                        insert into refund_request (id, account_id, amount_value, amount_currency, origin, status,
                          request_key, requested_by, requested_at, note, payout_holder, payout_iban, payout_bic,
                          decided_by, decided_at, decision_note, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.id().value(), request.accountId().value(), request.amount().value(),
                        request.amount().currencyCode(), request.origin().name(), request.status().name(),
                        request.requestKey(), request.requestedBy().value(), utc(request.requestedAt()),
                        request.note(), payout == null ? null : payout.holder(), payout == null ? null : payout.iban(),
                        payout == null ? null : payout.bic(),
                        request.decidedBy() == null ? null : request.decidedBy().value(), utc(request.decidedAt()),
                        request.decisionNote(), request.version())
                .update();
    }

    /** {@code position}: the part's place in its request's allocation, which lists keep. */
    void insert(RefundPart part, int position) {
        jdbc.sql("""
                        insert into refund_part (id, request_id, account_id, payment_id, amount_value, amount_currency,
                          position, route, provider, destination, status, idempotency_key, provider_refund_id,
                          failure_reason, payout_reference, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(part.id().value(), part.requestId().value(), part.accountId().value(),
                        part.paymentId().value(), part.amount().value(), part.amount().currencyCode(), position,
                        part.route().name(), part.provider(), part.destination(), part.status().name(),
                        part.idempotencyKey(), part.providerRefundId(), part.failureReason(), part.payoutReference(),
                        utc(part.createdAt()), utc(part.updatedAt()), part.version())
                .update();
    }

    /** Writes a decision over the version it was made on; 0 when someone else decided first. */
    int decide(RefundRequest decided) {
        return jdbc.sql("""
                        update refund_request set status = ?, decided_by = ?, decided_at = ?, decision_note = ?,
                          version = ?
                         where id = ? and status = 'AWAITING_APPROVAL' and version = ?""")
                .params(decided.status().name(), decided.decidedBy() == null ? null : decided.decidedBy().value(),
                        utc(decided.decidedAt()), decided.decisionNote(), decided.version(), decided.id().value(),
                        decided.version() - 1)
                .update();
    }

    /** Writes a part's move over the version it was made on; 0 when another writer moved it first. */
    int update(RefundPart moved) {
        return jdbc.sql("""
                        update refund_part set status = ?, provider_refund_id = ?, failure_reason = ?,
                          payout_reference = ?, updated_at = ?, version = ?
                         where id = ? and version = ?""")
                .params(moved.status().name(), moved.providerRefundId(), moved.failureReason(),
                        moved.payoutReference(), utc(moved.updatedAt()), moved.version(), moved.id().value(),
                        moved.version() - 1)
                .update();
    }

    Optional<RefundRequest> find(RefundRequestId id) {
        return jdbc.sql("select * from refund_request where id = ?").param(id.value())
                .query(RefundStore::request).optional();
    }

    Optional<RefundRequest> findByKey(String requestKey) {
        return jdbc.sql("select * from refund_request where request_key = ?").param(requestKey)
                .query(RefundStore::request).optional();
    }

    List<RefundPart> parts(RefundRequestId id) {
        return jdbc.sql("select * from refund_part where request_id = ? order by position").param(id.value())
                .query(RefundStore::part).list();
    }

    Optional<RefundPart> part(RefundPartId id) {
        return jdbc.sql("select * from refund_part where id = ?").param(id.value()).query(RefundStore::part)
                .optional();
    }

    /** The part with its row locked until the transaction ends: webhooks, the poller and Finance queue up here. */
    Optional<RefundPart> lockPart(RefundPartId id) {
        return jdbc.sql("select * from refund_part where id = ? for update").param(id.value())
                .query(RefundStore::part).optional();
    }

    Optional<RefundPart> partByKey(String idempotencyKey) {
        return jdbc.sql("select * from refund_part where idempotency_key = ?").param(idempotencyKey)
                .query(RefundStore::part).optional();
    }

    Optional<RefundPart> partByProviderRefund(String provider, String providerRefundId) {
        return jdbc.sql("select * from refund_part where provider = ? and provider_refund_id = ?")
                .params(provider, providerRefundId).query(RefundStore::part).optional();
    }

    /** Provider parts whose answer was lost (SENDING) or not final (PENDING) and are due to be asked again. */
    List<RefundPartId> dueForCheck(Instant now, int limit) {
        return jdbc.sql("""
                        select id from refund_part
                         where status in ('SENDING', 'PENDING') and (next_check_at is null or next_check_at <= ?)
                         order by updated_at, id limit ?""")
                .params(utc(now), limit)
                .query((rs, n) -> new RefundPartId(rs.getObject(1, UUID.class))).list();
    }

    /**
     * Claims a due part for one check: its next check moves to {@code next}, so another node (or the next cycle) does
     * not ask at the same time; 0 when someone else claimed it first.
     */
    int claimCheck(RefundPartId id, Instant now, Instant next) {
        return jdbc.sql("""
                        update refund_part set next_check_at = ?, attempts = attempts + 1
                         where id = ? and status in ('SENDING', 'PENDING')
                           and (next_check_at is null or next_check_at <= ?)""")
                .params(utc(next), id.value(), utc(now)).update();
    }

    /** The customer's requests, newest first. */
    List<RefundRequest> requestsOf(AccountId accountId, int offset, int limit) {
        return jdbc.sql("""
                        select * from refund_request where account_id = ?
                         order by requested_at desc, id limit ? offset ?""")
                .params(accountId.value(), limit, offset).query(RefundStore::request).list();
    }

    /** An account's requests newest first, after the cursor's row (keyset paging for the API); one more than asked. */
    List<RefundRequest> requestsOf(AccountId accountId, @Nullable TimeCursor after, int limit) {
        if (after == null) {
            return jdbc.sql("""
                            select * from refund_request where account_id = ?
                             order by requested_at desc, id desc limit ?""")
                    .params(accountId.value(), limit).query(RefundStore::request).list();
        }
        return jdbc.sql("""
                        select * from refund_request where account_id = ?
                           and (requested_at < ? or (requested_at = ? and id < ?))
                         order by requested_at desc, id desc limit ?""")
                .params(accountId.value(), utc(after.at()), utc(after.at()), after.id(), limit)
                .query(RefundStore::request).list();
    }

    int countOf(AccountId accountId) {
        return jdbc.sql("select count(*) from refund_request where account_id = ?").param(accountId.value())
                .query(Integer.class).single();
    }

    /** The approval queue, oldest first. */
    List<RefundRequest> waiting(int offset, int limit) {
        return jdbc.sql("""
                        select * from refund_request where status = 'AWAITING_APPROVAL'
                         order by requested_at, id limit ? offset ?""")
                .params(limit, offset).query(RefundStore::request).list();
    }

    int waitingCount() {
        return jdbc.sql("select count(*) from refund_request where status = 'AWAITING_APPROVAL'")
                .query(Integer.class).single();
    }

    /** Bank-transfer parts Finance still has to pay out, oldest first. */
    List<RefundPart> payoutsDue(int offset, int limit) {
        return jdbc.sql("""
                        select * from refund_part where status = 'PAYOUT_DUE'
                         order by updated_at, id limit ? offset ?""")
                .params(limit, offset).query(RefundStore::part).list();
    }

    int payoutsDueCount() {
        return jdbc.sql("select count(*) from refund_part where status = 'PAYOUT_DUE'").query(Integer.class).single();
    }

    /** The parts of a payment's refunds, oldest first: for its detail in the customer's history. */
    List<RefundPart> partsOfPayment(PaymentId paymentId) {
        return jdbc.sql("select * from refund_part where payment_id = ? order by created_at, position")
                .param(paymentId.value()).query(RefundStore::part).list();
    }

    /** "Name · number" of an account, and who a user is, for the back office's lists. */
    Optional<AccountHead> account(AccountId id) {
        return jdbc.sql("select name, account_number from account where id = ?").param(id.value())
                .query((rs, n) -> new AccountHead(rs.getString(1), rs.getString(2))).optional();
    }

    /** The cached balance, read as the back office's account heads read it (no lock: the form only shows it). */
    Optional<Money> balance(AccountId id) {
        return jdbc.sql("""
                        select a.currency, b.amount_value
                          from account a left join account_balance b on b.account_id = a.id where a.id = ?""")
                .param(id.value())
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString(1).trim());
                    var value = rs.getBigDecimal(2);
                    return value == null ? Money.zero(currency) : Money.of(value, currency);
                })
                .optional();
    }

    Optional<String> userName(UserId id) {
        return jdbc.sql("select display_name from app_user where id = ?").param(id.value()).query(String.class)
                .optional();
    }

    record AccountHead(String name, String number) {
    }

    private static RefundRequest request(ResultSet rs, int n) throws SQLException {
        String holder = rs.getString("payout_holder");
        UUID decidedBy = rs.getObject("decided_by", UUID.class);
        return new RefundRequest(new RefundRequestId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)), money(rs),
                RefundOrigin.valueOf(rs.getString("origin")), RefundRequestStatus.valueOf(rs.getString("status")),
                rs.getString("request_key"), new UserId(rs.getObject("requested_by", UUID.class)),
                instant(rs, "requested_at"), rs.getString("note"),
                holder == null ? null : new RefundRequest.PayoutAccount(holder, rs.getString("payout_iban"),
                        rs.getString("payout_bic")),
                decidedBy == null ? null : new UserId(decidedBy), nullableInstant(rs, "decided_at"),
                rs.getString("decision_note"), rs.getLong("version"));
    }

    private static RefundPart part(ResultSet rs, int n) throws SQLException {
        return new RefundPart(new RefundPartId(rs.getObject("id", UUID.class)),
                new RefundRequestId(rs.getObject("request_id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                new PaymentId(rs.getObject("payment_id", UUID.class)), money(rs),
                RefundRoute.valueOf(rs.getString("route")), rs.getString("provider"), rs.getString("destination"),
                RefundPartStatus.valueOf(rs.getString("status")), rs.getString("idempotency_key"),
                rs.getString("provider_refund_id"), rs.getString("failure_reason"), rs.getString("payout_reference"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static Money money(ResultSet rs) throws SQLException {
        return Money.of(rs.getBigDecimal("amount_value"), Currency.getInstance(rs.getString("amount_currency").trim()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
