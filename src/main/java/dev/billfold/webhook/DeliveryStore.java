package dev.billfold.webhook;

import static dev.billfold.webhook.EndpointStore.utc;

import dev.billfold.account.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events, their deliveries and every attempt. A delivery is claimed before it is sent (SENDING until its lease
 * ends, taken with {@code FOR UPDATE SKIP LOCKED} so that two nodes' claims never overlap) and finished only by the
 * claim that holds it, as the mail log's rows are (DD-066).
 */
@Component
class DeliveryStore {

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- recording, in the change's transaction

    boolean eventExists(String cause) {
        return jdbc.sql("select count(*) from webhook_event where cause = ?").param(cause).query(Integer.class)
                .single() > 0;
    }

    /** The account's next sequence number; its row stays locked until the change's transaction ends. */
    long nextSequence(AccountId accountId) {
        while (true) {
            int updated = jdbc.sql("update webhook_sequence set last_sequence = last_sequence + 1 where account_id = ?")
                    .param(accountId.value()).update();
            if (updated == 0) {
                updated = jdbc.sql("insert into webhook_sequence (account_id, last_sequence) values (?, 1) "
                        + "on conflict do nothing").param(accountId.value()).update();
                if (updated == 1) {
                    return 1;
                }
                continue;
            }
            return jdbc.sql("select last_sequence from webhook_sequence where account_id = ?")
                    .param(accountId.value()).query(Long.class).single();
        }
    }

    /** False when an event with this cause exists already (it went, or goes, once). */
    boolean insertEvent(UUID id, String cause, EventType type, AccountId accountId, long sequence, String payload,
                        Instant now) {
        return jdbc.sql("""
                        insert into webhook_event (id, cause, type, account_id, sequence, payload, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(id, cause, type.wireName(), accountId.value(), sequence, payload, utc(now)).update() == 1;
    }

    void insertDelivery(UUID eventId, WebhookEndpointId endpointId, Instant now) {
        jdbc.sql("""
                        insert into webhook_delivery (id, event_id, endpoint_id, status, attempts, schedule_step,
                                                      next_attempt_at, created_at)
                        values (?, ?, ?, 'PENDING', 0, 0, ?, ?)""")
                .params(UUID.randomUUID(), eventId, endpointId.value(), utc(now), utc(now)).update();
    }

    // --- claiming and finishing

    /**
     * Takes due deliveries, oldest first: PENDING ones whose time has come, and SENDING ones whose sender's lease ran
     * out (that node died). Run it in a transaction of its own; the claims hold once it commits.
     */
    List<WebhookDeliveryId> claimDue(Instant now, Instant until, int limit) {
        List<UUID> ids = jdbc.sql("""
                        select id from webhook_delivery
                         where (status = 'PENDING' and next_attempt_at <= :now)
                            or (status = 'SENDING' and claimed_until <= :now)
                         order by next_attempt_at, id
                         limit :limit
                         for update skip locked""")
                .param("now", utc(now)).param("limit", limit).query(UUID.class).list();
        return claim(ids, until);
    }

    /** The event's own deliveries that are due, for the attempt right after its commit. */
    List<WebhookDeliveryId> claimOfEvent(UUID eventId, Instant now, Instant until) {
        List<UUID> ids = jdbc.sql("""
                        select id from webhook_delivery
                         where event_id = :event and status = 'PENDING' and next_attempt_at <= :now
                         for update skip locked""")
                .param("event", eventId).param("now", utc(now)).query(UUID.class).list();
        return claim(ids, until);
    }

    /** The lease end a claim made with {@code until} stores (and a sender compares with). */
    static Instant leaseEnd(Instant until) {
        return millis(until);
    }

    private List<WebhookDeliveryId> claim(List<UUID> ids, Instant until) {
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        update webhook_delivery set status = 'SENDING', claimed_until = :until, attempts = attempts + 1
                         where id in (:ids)""")
                .param("until", utc(millis(until))).param("ids", ids).update();
        return ids.stream().map(WebhookDeliveryId::new).toList();
    }

    /**
     * What a sender needs for a delivery it claimed until {@code until}; empty if that claim is not the delivery's
     * any more, or its lease has run out (another node may have taken it since), so it is not sent twice at once.
     */
    Optional<Claimed> claimed(WebhookDeliveryId id, Instant until, Instant now) {
        return jdbc.sql("""
                        select d.id, d.event_id, d.endpoint_id, d.attempts, d.schedule_step, d.claimed_until,
                               e.payload, e.type
                          from webhook_delivery d join webhook_event e on e.id = d.event_id
                         where d.id = :id and d.status = 'SENDING' and d.claimed_until = :until
                           and d.claimed_until > :now""")
                .param("id", id.value()).param("until", utc(millis(until))).param("now", utc(now))
                .query((rs, n) -> new Claimed(id, rs.getObject("event_id", UUID.class),
                        new WebhookEndpointId(rs.getObject("endpoint_id", UUID.class)), rs.getInt("attempts"),
                        rs.getInt("schedule_step"), instant(rs, "claimed_until"), rs.getString("payload")))
                .optional();
    }

    void recordAttempt(Claimed claim, Instant startedAt, long latencyMillis, @Nullable Integer statusCode,
                       AttemptOutcome outcome, @Nullable String error, @Nullable String response) {
        jdbc.sql("""
                        insert into webhook_attempt (id, delivery_id, attempt, started_at, latency_ms, status_code,
                                                     outcome, error, response)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), claim.id().value(), claim.attempts(), utc(startedAt),
                        (int) Math.min(Integer.MAX_VALUE, latencyMillis), statusCode, outcome.name(),
                        cut(error, 500), cut(response, 1000))
                .update();
    }

    /** DELIVERED, FAILED, or PENDING again at {@code nextAttempt}; only by the claim that holds the lease. */
    boolean finish(Claimed claim, DeliveryStatus status, @Nullable Instant nextAttempt, boolean countsAsFailure,
                   @Nullable Integer statusCode, @Nullable String error, Instant now) {
        return jdbc.sql("""
                        update webhook_delivery
                           set status = :status, claimed_until = null, next_attempt_at = :next,
                               schedule_step = schedule_step + :step, last_status = :code, last_error = :error,
                               delivered_at = case when cast(:delivered as boolean) then :now else delivered_at end
                         where id = :id and status = 'SENDING' and claimed_until = :until""")
                .param("status", status.name()).param("next", nextAttempt == null ? null : utc(nextAttempt))
                .param("step", countsAsFailure ? 1 : 0).param("code", statusCode).param("error", cut(error, 500))
                .param("delivered", status == DeliveryStatus.DELIVERED).param("now", utc(now))
                .param("id", claim.id().value()).param("until", utc(claim.until()))
                .update() == 1;
    }

    /**
     * Gives back a claim that was never tried (shutdown): PENDING and due at {@code now}, its attempt not counted; a
     * claim that is not the delivery's any more changes nothing.
     */
    boolean release(WebhookDeliveryId id, Instant until, Instant now) {
        return jdbc.sql("""
                        update webhook_delivery
                           set status = 'PENDING', claimed_until = null, next_attempt_at = :now, attempts = attempts - 1
                         where id = :id and status = 'SENDING' and claimed_until = :until""")
                .param("now", utc(now)).param("id", id.value()).param("until", utc(millis(until))).update() == 1;
    }

    /** The endpoint's deliveries waiting for an attempt, failed for good: it was switched off. */
    int failWaiting(WebhookEndpointId endpointId, String reason) {
        return jdbc.sql("""
                        update webhook_delivery set status = 'FAILED', next_attempt_at = null, last_error = ?
                         where endpoint_id = ? and status = 'PENDING'""")
                .params(reason, endpointId.value()).update();
    }

    // --- replay

    /** The delivery, to be sent again now from the start of the schedule; false if it is being sent. */
    boolean replay(WebhookDeliveryId id, Instant now) {
        return jdbc.sql("""
                        update webhook_delivery set status = 'PENDING', next_attempt_at = ?, schedule_step = 0
                         where id = ? and status <> 'SENDING'""")
                .params(utc(now), id.value()).update() == 1;
    }

    /** Every delivery to the endpoint of an event recorded at or after {@code since}; how many. */
    int replaySince(WebhookEndpointId endpointId, Instant since, Instant now) {
        return jdbc.sql("""
                        update webhook_delivery set status = 'PENDING', next_attempt_at = ?, schedule_step = 0
                         where endpoint_id = ? and created_at >= ? and status <> 'SENDING'""")
                .params(utc(now), endpointId.value(), utc(since)).update();
    }

    Optional<WebhookEndpointId> endpointOf(WebhookDeliveryId id) {
        return jdbc.sql("select endpoint_id from webhook_delivery where id = ?").param(id.value())
                .query(UUID.class).optional().map(WebhookEndpointId::new);
    }

    // --- the staff's log

    int count(WebhookEndpointId endpointId) {
        return jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ?").param(endpointId.value())
                .query(Integer.class).single();
    }

    /** Newest first, with the last attempt's latency. */
    List<DeliveryLogRow> page(WebhookEndpointId endpointId, int offset, int limit) {
        return jdbc.sql("""
                        select d.id, d.event_id, e.type, e.account_id, e.sequence, d.status, d.attempts,
                               d.last_status, d.last_error, d.created_at, d.delivered_at, d.next_attempt_at,
                               (select a.latency_ms from webhook_attempt a
                                 where a.delivery_id = d.id order by a.attempt desc, a.started_at desc limit 1)
                                 as latency_ms
                          from webhook_delivery d join webhook_event e on e.id = d.event_id
                         where d.endpoint_id = :endpoint
                         order by d.created_at desc, d.id desc limit :limit offset :offset""")
                .param("endpoint", endpointId.value()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new DeliveryLogRow(new WebhookDeliveryId(rs.getObject("id", UUID.class)),
                        rs.getObject("event_id", UUID.class),
                        EventType.ofWireName(rs.getString("type")).orElseThrow(),
                        new AccountId(rs.getObject("account_id", UUID.class)), rs.getLong("sequence"),
                        DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                        (Integer) rs.getObject("latency_ms"), instant(rs, "created_at"),
                        instantOrNull(rs, "delivered_at"), instantOrNull(rs, "next_attempt_at")))
                .list();
    }

    List<AttemptRow> attempts(WebhookDeliveryId id) {
        return jdbc.sql("""
                        select attempt, started_at, latency_ms, status_code, outcome, error, response
                          from webhook_attempt where delivery_id = ? order by started_at, attempt""")
                .param(id.value())
                .query((rs, n) -> new AttemptRow(rs.getInt("attempt"), instant(rs, "started_at"),
                        rs.getInt("latency_ms"), (Integer) rs.getObject("status_code"),
                        AttemptOutcome.valueOf(rs.getString("outcome")), rs.getString("error"),
                        rs.getString("response")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Millisecond precision, so that a lease compares equal to itself on both databases. */
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static @Nullable String cut(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A delivery this node holds until {@code until}. */
    record Claimed(WebhookDeliveryId id, UUID eventId, WebhookEndpointId endpointId, int attempts, int scheduleStep,
                   Instant until, String payload) {
    }
}
