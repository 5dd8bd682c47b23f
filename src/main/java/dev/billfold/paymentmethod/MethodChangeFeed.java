package dev.billfold.paymentmethod;

import dev.billfold.account.PayerId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payment_method_change rows: every method change, written in the transaction that made it, stamped with the
 * database's time and the node that made it, so that other nodes can find and push it (DD-040).
 */
@Repository
class MethodChangeFeed {

    private final JdbcClient jdbc;

    MethodChangeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(PaymentMethodChanged change, UUID origin) {
        jdbc.sql("""
                        insert into payment_method_change (method_id, payer_id, status, origin, changed_at)
                        values (?, ?, ?, ?, current_timestamp)""")
                .params(change.methodId().value(), change.payerId().value(), change.status().name(), origin)
                .update();
    }

    /** The database's clock, which stamps every row, so the nodes' clocks never matter here. */
    Instant now() {
        return jdbc.sql("select current_timestamp").query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .single();
    }

    /** Changes made by other nodes after {@code after}, oldest first. */
    List<Entry> madeElsewhereAfter(Instant after, UUID origin) {
        return jdbc.sql("""
                        select id, method_id, payer_id, status, changed_at from payment_method_change
                        where changed_at > ? and origin <> ?
                        order by changed_at, id""")
                .params(after.atOffset(ZoneOffset.UTC), origin)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        new PaymentMethodChanged(new PaymentMethodId(rs.getObject(2, UUID.class)),
                                new PayerId(rs.getObject(3, UUID.class)),
                                PaymentMethodStatus.valueOf(rs.getString(4)))))
                .list();
    }

    int deleteBefore(Instant before) {
        return jdbc.sql("delete from payment_method_change where changed_at < ?").param(before.atOffset(ZoneOffset.UTC))
                .update();
    }

    record Entry(long id, Instant changedAt, PaymentMethodChanged change) {
    }
}
