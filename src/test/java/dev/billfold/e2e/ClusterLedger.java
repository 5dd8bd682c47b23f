package dev.billfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The database side of the real-process tests of several nodes: paid demo checkouts waiting for the poller, as a
 * customer who paid and never came back leaves them, and the checks a finance team would make afterwards.
 */
final class ClusterLedger {

    /** Morgan Web Studio in the demo data (USD). */
    static final String MORGAN_WEB_STUDIO = "a0000000-0000-0000-0000-000000000001";
    static final String MORGAN_PAYER = "b0000000-0000-0000-0000-000000000001";

    private ClusterLedger() {
    }

    /**
     * {@code count} checkouts of 5.00 USD paid at the demo provider whose payments still wait: the poller credits
     * them when it asks. Returns the payment ids.
     */
    static List<UUID> paidCheckoutsWaiting(Connection db, int count) throws SQLException {
        List<UUID> payments = new ArrayList<>();
        Timestamp paidAt = Timestamp.from(Instant.now().minusSeconds(60));
        try (PreparedStatement checkout = db.prepareStatement("""
                insert into demo_checkout (id, merchant, payer_name, description, amount_value, amount_currency,
                  return_path, cancel_path, save_card, idempotency_key, status, created_at, completed_at)
                values (?, 'Billfold', 'Morgan Web Studio', 'Balance top-up', 5.00, 'USD', '/checkout/return',
                  '/checkout/cancel', false, ?, 'PAID', ?, ?)""");
             PreparedStatement payment = db.prepareStatement("""
                insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind, provider,
                  provider_reference, idempotency_key, save_method, status, created_at, updated_at, version)
                values (?, cast(? as uuid), cast(? as uuid), 5.00, 'USD', 'CHECKOUT', 'demo', ?, ?, false,
                  'WAITING_FOR_PAYMENT', ?, ?, 0)""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                String reference = "cs_demo_" + id.toString().replace("-", "");
                String key = "e2e:" + id;
                checkout.setString(1, reference);
                checkout.setString(2, key);
                checkout.setTimestamp(3, paidAt);
                checkout.setTimestamp(4, paidAt);
                checkout.executeUpdate();
                payment.setObject(1, id);
                payment.setString(2, MORGAN_WEB_STUDIO);
                payment.setString(3, MORGAN_PAYER);
                payment.setString(4, reference);
                payment.setString(5, key);
                payment.setTimestamp(6, paidAt);
                payment.setTimestamp(7, paidAt);
                payment.executeUpdate();
                payments.add(id);
            }
        }
        return payments;
    }

    static String status(Connection db, UUID payment) throws SQLException {
        return single(db, "select status from payment where id = ?", payment).toString();
    }

    /** When the payment is due to be asked about again (a claim's lease end, or the release time), or null. */
    static Instant nextCheck(Connection db, UUID payment) throws SQLException {
        Object next = single(db, "select next_check_at from payment where id = ?", payment);
        return next == null ? null : ((Timestamp) next).toInstant();
    }

    static int credited(Connection db, List<UUID> payments) throws SQLException {
        int credited = 0;
        for (UUID payment : payments) {
            credited += "CREDITED".equals(status(db, payment)) ? 1 : 0;
        }
        return credited;
    }

    /** When the payment's one TOP_UP entry was written. */
    static Instant creditedAt(Connection db, UUID payment) throws SQLException {
        return ((Timestamp) single(db, "select created_at from ledger_entry where kind = 'TOP_UP' and reference = ?",
                "payment:" + payment)).toInstant();
    }

    /** Every payment credited, by exactly one TOP_UP entry keyed by it. */
    static void assertCreditedOnce(Connection db, List<UUID> payments) throws SQLException {
        for (UUID payment : payments) {
            assertThat(status(db, payment)).as("payment %s", payment).isEqualTo("CREDITED");
            assertThat(single(db, "select count(*) from ledger_entry where kind = 'TOP_UP' and reference = ?",
                    "payment:" + payment)).as("TOP_UP entries of payment %s", payment).isEqualTo(1L);
        }
    }

    /** The account's cached balance is the sum of its entries. */
    static void assertBalanceIsTheSumOfEntries(Connection db, String account) throws SQLException {
        Object sum = single(db, "select coalesce(sum(amount_value), 0) from ledger_entry "
                + "where account_id = cast(? as uuid)", account);
        Object cached = single(db, "select amount_value from account_balance where account_id = cast(? as uuid)",
                account);
        assertThat((BigDecimal) cached).as("cached balance of %s", account).isEqualByComparingTo((BigDecimal) sum);
    }

    static Object single(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as(sql).isTrue();
                return row.getObject(1);
            }
        }
    }
}
