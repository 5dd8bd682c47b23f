package dev.billfold.gateway.paypal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook events we took on. A claimed id is never processed twice; a failed one is released for redelivery. */
class PayPalEventLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    PayPalEventLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** False when the event was already claimed, by an earlier delivery or one running right now. */
    boolean claim(String eventId, String eventType, @Nullable String resourceId) {
        try {
            jdbc.sql("insert into paypal_event (event_id, event_type, resource_id, outcome, received_at) "
                            + "values (?, ?, ?, 'PROCESSING', ?)")
                    .params(eventId, eventType, resourceId,
                            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    void finish(String eventId, String outcome) {
        jdbc.sql("update paypal_event set outcome = ? where event_id = ?").params(outcome, eventId).update();
    }

    void release(String eventId) {
        jdbc.sql("delete from paypal_event where event_id = ? and outcome = 'PROCESSING'").param(eventId).update();
    }
}
