package dev.billfold.payment;

import dev.billfold.gateway.GatewayResult.CustomerAction;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which waiting saved-method charges need their customer (DD-037). Kept beside the payment row rather than in it, and
 * written only while the payment row is locked by the settlement or the service.
 */
@Repository
class PaymentCustomerActions {

    private final JdbcClient jdbc;

    PaymentCustomerActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The provider's latest word on a pending charge: an action it waits for, or none (any earlier one is done). */
    void record(PaymentId id, @Nullable CustomerAction action, Instant now) {
        String kind = action == null ? null : action.kind().name();
        int updated = jdbc.sql("update payment_customer_action set kind = ?, updated_at = ? where payment_id = ?")
                .params(kind, utc(now), id.value()).update();
        if (updated == 0 && kind != null) {
            jdbc.sql("insert into payment_customer_action (payment_id, kind, attempts, updated_at) values (?, ?, 0, ?)")
                    .params(id.value(), kind, utc(now)).update();
        }
    }

    Optional<CustomerAction.Kind> open(PaymentId id) {
        return jdbc.sql("select kind from payment_customer_action where payment_id = ? and kind is not null")
                .param(id.value()).query(String.class).optional().map(CustomerAction.Kind::valueOf);
    }

    /** Counts one more attempt of the customer and returns its number (1 for the first). */
    int nextAttempt(PaymentId id, Instant now) {
        jdbc.sql("update payment_customer_action set attempts = attempts + 1, updated_at = ? where payment_id = ?")
                .params(utc(now), id.value()).update();
        return jdbc.sql("select attempts from payment_customer_action where payment_id = ?").param(id.value())
                .query(Integer.class).single();
    }

    /** Whether the customer was ever sent to act on this payment: their return must then ask the provider. */
    boolean attempted(PaymentId id) {
        return jdbc.sql("select count(*) from payment_customer_action where payment_id = ? and attempts > 0")
                .param(id.value()).query(Integer.class).single() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
