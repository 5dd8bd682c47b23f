package dev.billfold.api;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The api_idempotency table (DD-074); reached only through {@link ApiGate} and {@link IdempotencyPurge}. */
@Repository
class IdempotencyStore {

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a claim found. */
    sealed interface Claim {
        record Claimed() implements Claim {
        }

        record InProgress() implements Claim {
        }

        record OtherRequest() implements Claim {
        }

        record Replay(int status, @Nullable String body, @Nullable String location) implements Claim {
        }
    }

    /**
     * Claims the key for this request, in the caller's (own, short) transaction: a new key, one whose time is over,
     * or one whose request in progress outlived the lease (its node died before its commit, so nothing of it
     * happened) is taken; otherwise the row says what to answer.
     */
    Claim claim(String client, String key, String requestHash, Instant now, Duration ttl, Duration lease) {
        int inserted = jdbc.sql("""
                        insert into api_idempotency (client, idempotency_key, request_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(client, key, requestHash, utc(now), utc(now.plus(ttl))).update();
        if (inserted == 1) {
            return new Claim.Claimed();
        }
        Row row = jdbc.sql("""
                        select request_hash, status, response_body, location, created_at, expires_at
                        from api_idempotency where client = ? and idempotency_key = ? for update""")
                .params(client, key)
                .query((rs, n) -> new Row(rs.getString("request_hash"), (Integer) rs.getObject("status"),
                        rs.getString("response_body"), rs.getString("location"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional().orElse(null);
        boolean expired = row != null && !row.expiresAt().isAfter(now);
        boolean abandoned = row != null && row.status() == null && !row.createdAt().plus(lease).isAfter(now);
        if (row == null) {
            // Purged between the two statements: a fresh key after all.
            return jdbc.sql("""
                            insert into api_idempotency (client, idempotency_key, request_hash, created_at, expires_at)
                            values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(client, key, requestHash, utc(now), utc(now.plus(ttl))).update() == 1
                    ? new Claim.Claimed() : new Claim.InProgress();
        }
        if (expired || abandoned) {
            jdbc.sql("""
                            update api_idempotency set request_hash = ?, status = null, response_body = null,
                                                       location = null, created_at = ?, expires_at = ?
                            where client = ? and idempotency_key = ?""")
                    .params(requestHash, utc(now), utc(now.plus(ttl)), client, key).update();
            return new Claim.Claimed();
        }
        if (!row.requestHash().equals(requestHash)) {
            return new Claim.OtherRequest();
        }
        if (row.status() == null) {
            return new Claim.InProgress();
        }
        return new Claim.Replay(row.status(), row.body(), row.location());
    }

    /** The response to replay, written in the request's own transaction, so it exists exactly when the change does. */
    void complete(String client, String key, int status, String body, @Nullable String location) {
        jdbc.sql("""
                        update api_idempotency set status = ?, response_body = ?, location = ?
                        where client = ? and idempotency_key = ?""")
                .params(status, body, location, client, key).update();
    }

    /** A request that changed nothing gives its key back: the client may fix the request and send it again. */
    void release(String client, String key) {
        jdbc.sql("delete from api_idempotency where client = ? and idempotency_key = ? and status is null")
                .params(client, key).update();
    }

    int purge(Instant now) {
        return jdbc.sql("delete from api_idempotency where expires_at <= ?").param(utc(now)).update();
    }

    private record Row(String requestHash, @Nullable Integer status, @Nullable String body, @Nullable String location,
                       Instant createdAt, Instant expiresAt) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
