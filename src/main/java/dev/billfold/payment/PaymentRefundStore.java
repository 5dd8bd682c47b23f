package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import java.math.BigDecimal;
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
 * The refunds and disputes of payments. Written only under the payment's row lock ({@link PaymentRefunds}), so the
 * read-then-write here never races; the unique (provider, id) keys are the second line of defence.
 */
@Repository
class PaymentRefundStore {

    private final JdbcClient jdbc;

    PaymentRefundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One refund as we know it. */
    record RefundRow(UUID id, PaymentId paymentId, String provider, String refundId, Money amount,
                     ProviderRefund.State state, @Nullable String reason, @Nullable String initiatedKey,
                     PaymentRefunds.Funding funding, boolean debited, boolean returned, Instant createdAt) {

        /** The ledger cause of its debit, and of the return of a debit that failed. */
        String ledgerReference() {
            return refundReference(provider, refundId);
        }
    }

    /** One dispute as we know it. */
    record DisputeRow(UUID id, PaymentId paymentId, String provider, String disputeId, Money amount,
                      ProviderDispute.State state, String providerStatus, @Nullable String reason, boolean debited,
                      boolean creditedBack, Instant openedAt) {

        String ledgerReference() {
            return disputeReference(provider, disputeId);
        }
    }

    static String refundReference(String provider, String refundId) {
        return "refund:" + provider + ":" + refundId;
    }

    static String disputeReference(String provider, String disputeId) {
        return "dispute:" + provider + ":" + disputeId;
    }

    /** The account's payments that hold credited money, newest first. */
    List<PaymentId> creditedPaymentIds(AccountId accountId) {
        return jdbc.sql("""
                        select id from payment where account_id = ? and status in ('CREDITED', 'CONDITIONALLY_CREDITED')
                        order by created_at desc, id""")
                .param(accountId.value()).query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class))).list();
    }

    Optional<RefundRow> refund(String provider, String refundId) {
        return jdbc.sql("select * from payment_refund where provider = ? and provider_refund_id = ?")
                .params(provider, refundId).query(PaymentRefundStore::refundRow).optional();
    }

    List<RefundRow> refundsOf(PaymentId paymentId) {
        return jdbc.sql("select * from payment_refund where payment_id = ? order by created_at, id")
                .param(paymentId.value()).query(PaymentRefundStore::refundRow).list();
    }

    void insertRefund(RefundRow row, Instant now) {
        jdbc.sql("""
                        insert into payment_refund (id, payment_id, provider, provider_refund_id, amount_value,
                          amount_currency, state, reason, initiated_key, funding, debited, returned, created_at,
                          updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id(), row.paymentId().value(), row.provider(), row.refundId(), row.amount().value(),
                        row.amount().currencyCode(), row.state().name(), row.reason(), row.initiatedKey(),
                        row.funding().name(), row.debited(), row.returned(), utc(row.createdAt()), utc(now))
                .update();
    }

    void updateRefund(UUID id, ProviderRefund.State state, @Nullable String reason, boolean debited, boolean returned,
                      Instant now) {
        jdbc.sql("""
                        update payment_refund set state = ?, reason = coalesce(?, reason), debited = ?, returned = ?,
                          updated_at = ?
                        where id = ?""")
                .params(state.name(), reason, debited, returned, utc(now), id).update();
    }

    /** Whether news learnt before the payment was credited waits for its debit: one indexed read per credit. */
    boolean hasDeferred(PaymentId paymentId) {
        return jdbc.sql("""
                        select (select count(*) from payment_refund where payment_id = :id and not debited
                                  and funding = 'DEBIT' and state in ('PENDING', 'SUCCEEDED'))
                             + (select count(*) from payment_dispute where payment_id = :id and not debited)""")
                .param("id", paymentId.value()).query(Long.class).single() > 0;
    }

    Optional<DisputeRow> dispute(String provider, String disputeId) {
        return jdbc.sql("select * from payment_dispute where provider = ? and provider_dispute_id = ?")
                .params(provider, disputeId).query(PaymentRefundStore::disputeRow).optional();
    }

    List<DisputeRow> disputesOf(PaymentId paymentId) {
        return jdbc.sql("select * from payment_dispute where payment_id = ? order by opened_at, id")
                .param(paymentId.value()).query(PaymentRefundStore::disputeRow).list();
    }

    void insertDispute(DisputeRow row, Instant now) {
        jdbc.sql("""
                        insert into payment_dispute (id, payment_id, provider, provider_dispute_id, amount_value,
                          amount_currency, state, provider_status, reason, debited, credited_back, opened_at,
                          updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id(), row.paymentId().value(), row.provider(), row.disputeId(), row.amount().value(),
                        row.amount().currencyCode(), row.state().name(), row.providerStatus(), row.reason(),
                        row.debited(), row.creditedBack(), utc(row.openedAt()), utc(now))
                .update();
    }

    void updateDispute(UUID id, ProviderDispute.State state, String providerStatus, boolean debited,
                       boolean creditedBack, Instant now) {
        jdbc.sql("""
                        update payment_dispute set state = ?, provider_status = ?, debited = ?, credited_back = ?,
                          updated_at = ?
                        where id = ?""")
                .params(state.name(), providerStatus, debited, creditedBack, utc(now), id).update();
    }

    private static RefundRow refundRow(ResultSet rs, int n) throws SQLException {
        return new RefundRow(rs.getObject("id", UUID.class), new PaymentId(rs.getObject("payment_id", UUID.class)),
                rs.getString("provider"), rs.getString("provider_refund_id"),
                money(rs.getBigDecimal("amount_value"), rs.getString("amount_currency")),
                ProviderRefund.State.valueOf(rs.getString("state")), rs.getString("reason"),
                rs.getString("initiated_key"), PaymentRefunds.Funding.valueOf(rs.getString("funding")),
                rs.getBoolean("debited"), rs.getBoolean("returned"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static DisputeRow disputeRow(ResultSet rs, int n) throws SQLException {
        return new DisputeRow(rs.getObject("id", UUID.class), new PaymentId(rs.getObject("payment_id", UUID.class)),
                rs.getString("provider"), rs.getString("provider_dispute_id"),
                money(rs.getBigDecimal("amount_value"), rs.getString("amount_currency")),
                ProviderDispute.State.valueOf(rs.getString("state")), rs.getString("provider_status"),
                rs.getString("reason"), rs.getBoolean("debited"), rs.getBoolean("credited_back"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant());
    }

    private static Money money(BigDecimal value, String currency) {
        return Money.of(value, Currency.getInstance(currency.trim()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
