package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.Money;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The settlement hot path: lock one payment row and write its state change. Hand-written because Spring Data JDBC's
 * generic mapping was 80% of a credit's CPU (docs/performance.md); creation and other reads stay on
 * {@link PaymentRepository}. The update is versioned like Spring Data's, so a stale copy can never overwrite a newer
 * state, and it writes only the columns a transition may change.
 */
@Repository
class PaymentStateStore {

    private static final RowMapper<Payment> PAYMENT = PaymentStateStore::map;

    /** Rows per IN list and per JDBC batch. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final PaymentMeters meters;

    PaymentStateStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PaymentMeters meters) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.meters = meters;
    }

    /** Locks the row until the current transaction ends; concurrent callers queue here. */
    Optional<Payment> lock(PaymentId id) {
        return jdbc.sql("select * from payment where id = ? for update").param(id.value()).query(PAYMENT).optional();
    }

    /** A plain read, without a lock. */
    Optional<Payment> find(PaymentId id) {
        return jdbc.sql("select * from payment where id = ?").param(id.value()).query(PAYMENT).optional();
    }

    /**
     * Locks many rows in id order, so that two batches (or a batch and a single settlement) never wait for each other
     * in opposite orders.
     */
    Map<PaymentId, Payment> lockAll(Collection<PaymentId> ids) {
        Map<PaymentId, Payment> locked = new HashMap<>();
        List<UUID> sorted = ids.stream().map(PaymentId::value).distinct().sorted().toList();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<UUID> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
            jdbc.sql("select * from payment where id in (:ids) order by id for update").param("ids", chunk)
                    .query(PAYMENT).list().forEach(payment -> locked.put(payment.id(), payment));
        }
        return locked;
    }

    /** New payments as one JDBC batch; each is stored with version 0. */
    void insertAll(List<Payment> created) {
        jdbcTemplate.batchUpdate("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, credited_value,
                          credited_currency, exchange_rate, method_kind, provider, payment_method_id,
                          provider_reference, idempotency_key, save_method, status, status_reason, created_at,
                          updated_at, pay_value, pay_currency, quote_id, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", created, CHUNK,
                (ps, p) -> {
                    ps.setObject(1, p.id().value());
                    ps.setObject(2, p.accountId().value());
                    ps.setObject(3, p.payerId().value());
                    ps.setBigDecimal(4, p.amount().value());
                    ps.setString(5, p.amount().currencyCode());
                    ps.setBigDecimal(6, p.credited() == null ? null : p.credited().value());
                    ps.setString(7, p.credited() == null ? null : p.credited().currencyCode());
                    ps.setBigDecimal(8, p.exchangeRate());
                    ps.setString(9, p.methodKind().name());
                    ps.setString(10, p.provider());
                    ps.setObject(11, p.paymentMethodId() == null ? null : p.paymentMethodId().value());
                    ps.setString(12, p.providerReference());
                    ps.setString(13, p.idempotencyKey());
                    ps.setBoolean(14, p.saveMethod());
                    ps.setString(15, p.status().name());
                    ps.setString(16, p.statusReason());
                    ps.setObject(17, p.createdAt().atOffset(ZoneOffset.UTC));
                    ps.setObject(18, p.updatedAt().atOffset(ZoneOffset.UTC));
                    ps.setBigDecimal(19, p.pay() == null ? null : p.pay().value());
                    ps.setString(20, p.pay() == null ? null : p.pay().currencyCode());
                    ps.setObject(21, p.quoteId() == null ? null : p.quoteId().value());
                });
        created.forEach(meters::created);
    }

    /** {@link #update} for many locked rows, as one JDBC batch. */
    void updateAll(List<Payment> changed) {
        int[][] counts = jdbcTemplate.batchUpdate("""
                        update payment set status = ?, status_reason = ?, credited_value = ?, credited_currency = ?,
                          exchange_rate = ?, provider_reference = ?, updated_at = ?, version = ?
                        where id = ? and version = ?""", changed, CHUNK, (ps, next) -> {
                    long version = Objects.requireNonNull(next.version(), "only a stored payment can change state");
                    ps.setString(1, next.status().name());
                    ps.setString(2, next.statusReason());
                    ps.setBigDecimal(3, next.credited() == null ? null : next.credited().value());
                    ps.setString(4, next.credited() == null ? null : next.credited().currencyCode());
                    ps.setBigDecimal(5, next.exchangeRate());
                    ps.setString(6, next.providerReference());
                    ps.setObject(7, next.updatedAt().atOffset(ZoneOffset.UTC));
                    ps.setLong(8, version + 1);
                    ps.setObject(9, next.id().value());
                    ps.setLong(10, version);
                });
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                    throw new OptimisticLockingFailureException("A payment of the batch changed concurrently");
                }
            }
        }
        changed.forEach(meters::stored);
    }

    Payment update(Payment next) {
        long version = Objects.requireNonNull(next.version(), "only a stored payment can change state");
        int changed = jdbc.sql("""
                        update payment set status = ?, status_reason = ?, credited_value = ?, credited_currency = ?,
                          exchange_rate = ?, provider_reference = ?, updated_at = ?, version = ?
                        where id = ? and version = ?""")
                .params(next.status().name(), next.statusReason(),
                        next.credited() == null ? null : next.credited().value(),
                        next.credited() == null ? null : next.credited().currencyCode(),
                        next.exchangeRate(), next.providerReference(), next.updatedAt().atOffset(ZoneOffset.UTC),
                        version + 1, next.id().value(), version)
                .update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("Payment " + next.id().value() + " changed concurrently");
        }
        meters.stored(next);
        return next.withVersion(version + 1);
    }

    /**
     * Held for clarification while the provider's answer is open (a charge of unknown outcome, a checkout its provider
     * could not be asked about at its expiry): the provider's later word still settles it (DD-035, DD-055).
     */
    void markOutcomeOpen(PaymentId id, boolean open) {
        jdbc.sql("update payment set outcome_open = ? where id = ?").params(open, id.value()).update();
    }

    boolean isOutcomeOpen(PaymentId id) {
        return jdbc.sql("select outcome_open from payment where id = ?").param(id.value()).query(Boolean.class)
                .optional().orElse(false);
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        BigDecimal creditedValue = rs.getBigDecimal("credited_value");
        UUID methodId = rs.getObject("payment_method_id", UUID.class);
        BigDecimal payValue = rs.getBigDecimal("pay_value");
        UUID quoteId = rs.getObject("quote_id", UUID.class);
        return new Payment(
                new PaymentId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                new PayerId(rs.getObject("payer_id", UUID.class)),
                money(rs.getBigDecimal("amount_value"), rs.getString("amount_currency")),
                creditedValue == null ? null : money(creditedValue, rs.getString("credited_currency")),
                rs.getBigDecimal("exchange_rate"),
                payValue == null ? null : money(payValue, rs.getString("pay_currency")),
                quoteId == null ? null : new QuoteId(quoteId),
                MethodKind.valueOf(rs.getString("method_kind")),
                rs.getString("provider"),
                methodId == null ? null : new PaymentMethodId(methodId),
                rs.getString("provider_reference"),
                rs.getString("idempotency_key"),
                rs.getBoolean("save_method"),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }

    private static Money money(BigDecimal value, String currency) {
        return Money.of(value, Currency.getInstance(currency.trim()));
    }
}
