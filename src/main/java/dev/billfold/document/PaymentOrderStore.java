package dev.billfold.document;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.payment.MethodKind;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
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
 * Payment orders, and the few payment and invoice columns their pages show: a read model over the payment tables,
 * as the back office's account page is, so that payment needs to know nothing of payment orders (DD-068).
 */
@Repository
class PaymentOrderStore {

    private static final String ITEM = """
            select o.id, o.payment_id, o.account_id, a.account_number, a.name as account_name,
                   pr.legal_name as payer_name, i.number as invoice_number, p.amount_value, p.amount_currency,
                   p.status as payment_status, f.file_name, f.content_type, f.size_bytes, o.uploaded_at,
                   u.display_name as uploaded_by, o.status, o.reason, d.display_name as decided_by, o.decided_at
              from payment_order o
              join payment p on p.id = o.payment_id
              join account a on a.id = o.account_id
              join payer pr on pr.id = p.payer_id
              left join invoice i on i.payment_id = p.id
              join document_file f on f.id = o.file_id
              join app_user u on u.id = f.uploaded_by
              left join app_user d on d.id = o.decided_by
            """;

    private final JdbcClient jdbc;

    PaymentOrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The payment as the customer's page needs it, or empty when there is no such payment. */
    Optional<PaymentFacts> payment(PaymentId id) {
        return jdbc.sql("""
                        select p.account_id, p.method_kind, p.status, p.amount_value, p.amount_currency, i.number
                          from payment p left join invoice i on i.payment_id = p.id where p.id = ?""")
                .param(id.value())
                .query((rs, row) -> new PaymentFacts(new AccountId(rs.getObject(1, UUID.class)),
                        MethodKind.valueOf(rs.getString(2)), PaymentStatus.valueOf(rs.getString(3)),
                        Money.of(rs.getBigDecimal(4), Currency.getInstance(rs.getString(5).trim())), rs.getString(6)))
                .optional();
    }

    /** Whether an order of this payment waits for review (the unique pending_payment_id says the same). */
    boolean hasPending(PaymentId id) {
        return jdbc.sql("select count(*) from payment_order where pending_payment_id = ?").param(id.value())
                .query(Integer.class).single() > 0;
    }

    /** A new order under review; a second one for the same payment breaks pending_payment_id's uniqueness. */
    PaymentOrderId insert(PaymentId payment, AccountId account, UUID file, Instant at) {
        var id = PaymentOrderId.random();
        jdbc.sql("""
                        insert into payment_order (id, payment_id, account_id, file_id, status, pending_payment_id,
                          uploaded_at, version) values (?, ?, ?, ?, 'PENDING', ?, ?, 0)""")
                .params(id.value(), payment.value(), account.value(), file, payment.value(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    List<PaymentOrderSummary> ofPayment(PaymentId payment) {
        return jdbc.sql("""
                        select o.id, f.file_name, o.status, o.reason, o.uploaded_at, o.decided_at
                          from payment_order o join document_file f on f.id = o.file_id
                         where o.payment_id = ? order by o.uploaded_at desc, o.id""")
                .param(payment.value())
                .query((rs, row) -> new PaymentOrderSummary(new PaymentOrderId(rs.getObject(1, UUID.class)),
                        rs.getString(2), PaymentOrderStatus.valueOf(rs.getString(3)), rs.getString(4),
                        instant(rs, "uploaded_at"), instantOrNull(rs, "decided_at")))
                .list();
    }

    /**
     * Orders still worth a review: their invoice waits for payment. One whose money a statement brought first (or
     * that was held, or expired) needs no decision, so it leaves the queue; the customer's page says why.
     */
    private static final String REVIEWABLE = " where o.status = 'PENDING' and p.status = 'WAITING_FOR_PAYMENT'";

    int countPending() {
        return jdbc.sql("select count(*) from payment_order o join payment p on p.id = o.payment_id" + REVIEWABLE)
                .query(Integer.class).single();
    }

    /** Oldest first. */
    List<PaymentOrderItem> pending(int offset, int limit) {
        return jdbc.sql(ITEM + REVIEWABLE + " order by o.uploaded_at, o.id limit ? offset ?")
                .params(limit, offset).query(PaymentOrderStore::item).list();
    }

    /** Conditionally credited on or before {@code cutoff}, and still only conditionally: the oldest first. */
    List<PaymentOrderItem> overdue(Instant cutoff, int offset, int limit) {
        return jdbc.sql(ITEM + """
                         where o.status = 'CONDITIONALLY_CREDITED' and p.status = 'CONDITIONALLY_CREDITED'
                           and o.decided_at <= ? order by o.decided_at, o.id limit ? offset ?""")
                .params(cutoff.atOffset(ZoneOffset.UTC), limit, offset).query(PaymentOrderStore::item).list();
    }

    int countOverdue(Instant cutoff) {
        return jdbc.sql("""
                        select count(*) from payment_order o join payment p on p.id = o.payment_id
                         where o.status = 'CONDITIONALLY_CREDITED' and p.status = 'CONDITIONALLY_CREDITED'
                           and o.decided_at <= ?""")
                .param(cutoff.atOffset(ZoneOffset.UTC)).query(Integer.class).single();
    }

    Optional<PaymentOrderItem> find(PaymentOrderId id) {
        return jdbc.sql(ITEM + " where o.id = ?").param(id.value()).query(PaymentOrderStore::item).optional();
    }

    /**
     * Locks the order until the transaction ends, so that two reviewers queue here and the second sees the first's
     * decision; the payment row is locked after it (by the bank side), never before, so there is no lock cycle.
     */
    Optional<PaymentOrderItem> lock(PaymentOrderId id) {
        jdbc.sql("select id from payment_order where id = ? for update").param(id.value()).query(UUID.class)
                .optional();
        return find(id);
    }

    Optional<UUID> fileOf(PaymentOrderId id) {
        return jdbc.sql("select file_id from payment_order where id = ?").param(id.value()).query(UUID.class)
                .optional();
    }

    void decide(PaymentOrderId id, PaymentOrderStatus status, @Nullable String reason, UserId by, Instant at) {
        jdbc.sql("""
                        update payment_order set status = ?, reason = ?, pending_payment_id = null, decided_by = ?,
                          decided_at = ?, version = version + 1 where id = ?""")
                .params(status.name(), reason, by.value(), at.atOffset(ZoneOffset.UTC), id.value())
                .update();
    }

    /** A reversal keeps the conditional credit's decider and time (the overdue list is reckoned from it). */
    void markReversed(PaymentOrderId id, String reason) {
        jdbc.sql("update payment_order set status = 'REVERSED', reason = ?, version = version + 1 where id = ?")
                .params(reason, id.value()).update();
    }

    private static PaymentOrderItem item(ResultSet rs, int row) throws SQLException {
        return new PaymentOrderItem(new PaymentOrderId(rs.getObject("id", UUID.class)),
                new PaymentId(rs.getObject("payment_id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("account_number"),
                rs.getString("account_name"), rs.getString("payer_name"), rs.getString("invoice_number"),
                Money.of(rs.getBigDecimal("amount_value"),
                        Currency.getInstance(rs.getString("amount_currency").trim())),
                PaymentStatus.valueOf(rs.getString("payment_status")), rs.getString("file_name"),
                DocumentKind.ofContentType(rs.getString("content_type")), rs.getInt("size_bytes"),
                instant(rs, "uploaded_at"), rs.getString("uploaded_by"),
                PaymentOrderStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getString("decided_by"), instantOrNull(rs, "decided_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    record PaymentFacts(AccountId accountId, MethodKind methodKind, PaymentStatus status, Money amount,
                        @Nullable String invoiceNumber) {

        boolean waitingInvoice() {
            return methodKind == MethodKind.INVOICE && status == PaymentStatus.WAITING_FOR_PAYMENT;
        }
    }
}
