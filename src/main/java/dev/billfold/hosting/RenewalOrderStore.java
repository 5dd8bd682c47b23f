package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Renewal orders waiting for the top-up made with their payment key. */
@Repository
class RenewalOrderStore {

    private final JdbcClient jdbc;

    RenewalOrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Order(UUID id, AccountId accountId, String paymentKey, ShortfallOutcome.OrderStatus status,
                 @Nullable String reason, List<RenewalLine> lines) {
    }

    /** Fails with DuplicateKeyException when an order for this payment key exists (a repeated submit). */
    UUID insert(AccountId accountId, String paymentKey, Money total, List<RenewalLine> lines, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into renewal_order (id, account_id, payment_key, total_value, total_currency, status,
                          reason, created_at, updated_at) values (?, ?, ?, ?, ?, 'AWAITING_PAYMENT', null, ?, ?)""")
                .params(id, accountId.value(), paymentKey, total.value(), total.currencyCode(),
                        now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                .update();
        for (RenewalLine line : lines) {
            jdbc.sql("insert into renewal_order_line (order_id, service_id, periods) values (?, ?, ?)")
                    .params(id, line.serviceId().value(), line.periods()).update();
        }
        return id;
    }

    Optional<Order> findByPaymentKey(String paymentKey) {
        return find("select * from renewal_order where payment_key = ?", paymentKey);
    }

    /** Locks the order until the transaction ends: a settlement event and the recovery sweep queue here. */
    boolean awaitsPayment(String paymentKey) {
        return jdbc.sql("select count(*) from renewal_order where payment_key = ? and status = 'AWAITING_PAYMENT'")
                .param(paymentKey).query(Integer.class).single() > 0;
    }

    /** Which of these payment keys an order waits for: one read for a whole batch of settlements. */
    Set<String> awaitingAmong(Collection<String> paymentKeys) {
        if (paymentKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select payment_key from renewal_order
                         where payment_key in (:keys) and status = 'AWAITING_PAYMENT'""")
                .param("keys", paymentKeys).query(String.class).list());
    }

    Optional<Order> lockByPaymentKey(String paymentKey) {
        return find("select * from renewal_order where payment_key = ? for update", paymentKey);
    }

    List<String> awaitingPaymentKeys(int limit) {
        return jdbc.sql("select payment_key from renewal_order where status = 'AWAITING_PAYMENT' "
                        + "order by created_at limit ?")
                .param(limit).query(String.class).list();
    }

    void finish(UUID id, ShortfallOutcome.OrderStatus status, String reason, Instant now) {
        jdbc.sql("update renewal_order set status = ?, reason = ?, updated_at = ? "
                        + "where id = ? and status = 'AWAITING_PAYMENT'")
                .params(status.name(), reason, now.atOffset(ZoneOffset.UTC), id).update();
    }

    Currency currencyOf(UUID id) {
        return Currency.getInstance(jdbc.sql("select total_currency from renewal_order where id = ?").param(id)
                .query(String.class).single().trim());
    }

    /** Removes an order whose top-up was refused before any payment existed. */
    void discard(UUID id) {
        jdbc.sql("delete from renewal_order_line where order_id = ?").param(id).update();
        jdbc.sql("delete from renewal_order where id = ? and status = 'AWAITING_PAYMENT'").param(id).update();
    }

    private Optional<Order> find(String sql, String paymentKey) {
        return jdbc.sql(sql).param(paymentKey)
                .query((rs, n) -> new Order(rs.getObject("id", UUID.class),
                        new AccountId(rs.getObject("account_id", UUID.class)),
                        rs.getString("payment_key"), ShortfallOutcome.OrderStatus.valueOf(rs.getString("status")),
                        rs.getString("reason"), List.of()))
                .optional()
                .map(order -> new Order(order.id(), order.accountId(), order.paymentKey(), order.status(),
                        order.reason(),
                        jdbc.sql("select service_id, periods from renewal_order_line where order_id = ? "
                                        + "order by service_id")
                                .param(order.id())
                                .query((rs, n) -> new RenewalLine(new HostedServiceId(rs.getObject(1, UUID.class)),
                                        rs.getInt(2)))
                                .list()));
    }
}
