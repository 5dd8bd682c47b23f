package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.Money;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
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

    private final JdbcClient jdbc;

    PaymentStateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the row until the current transaction ends; concurrent callers queue here. */
    Optional<Payment> lock(PaymentId id) {
        return jdbc.sql("select * from payment where id = ? for update").param(id.value()).query(PAYMENT).optional();
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
        return new Payment(
                new PaymentId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                new PayerId(rs.getObject("payer_id", UUID.class)),
                money(rs.getBigDecimal("amount_value"), rs.getString("amount_currency")),
                creditedValue == null ? null : money(creditedValue, rs.getString("credited_currency")),
                rs.getBigDecimal("exchange_rate"),
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
