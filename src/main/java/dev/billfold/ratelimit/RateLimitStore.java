package dev.billfold.ratelimit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rate_limit_state rows behind {@link RateLimiter}: one per limit and key hash, shared by every node. */
@Repository
class RateLimitStore {

    private static final RowMapper<RateSchedule.State> STATE = (rs, n) -> new RateSchedule.State(
            rs.getObject("next_at", OffsetDateTime.class).toInstant(), rs.getInt("strikes"));

    private final JdbcClient jdbc;

    RateLimitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key's state, locked until the transaction ends; empty when the key has no row (yet). */
    Optional<RateSchedule.State> lock(String limit, String keyHash) {
        return jdbc.sql("select next_at, strikes from rate_limit_state where limit_name = ? and key_hash = ? "
                + "for update").params(limit, keyHash).query(STATE).optional();
    }

    /** The key's state as it is, without a lock. */
    Optional<RateSchedule.State> find(String limit, String keyHash) {
        return jdbc.sql("select next_at, strikes from rate_limit_state where limit_name = ? and key_hash = ?")
                .params(limit, keyHash).query(STATE).optional();
    }

    void update(String limit, String keyHash, RateSchedule.State state) {
        jdbc.sql("update rate_limit_state set next_at = ?, strikes = ? where limit_name = ? and key_hash = ?")
                .params(state.nextAt().atOffset(ZoneOffset.UTC), state.strikes(), limit, keyHash).update();
    }

    /** Fails with a duplicate key when another node created the row first; the caller tries again. */
    void insert(String limit, String keyHash, RateSchedule.State state) {
        jdbc.sql("insert into rate_limit_state (limit_name, key_hash, next_at, strikes) values (?, ?, ?, ?)")
                .params(limit, keyHash, state.nextAt().atOffset(ZoneOffset.UTC), state.strikes()).update();
    }

    void delete(String limit, String keyHash) {
        jdbc.sql("delete from rate_limit_state where limit_name = ? and key_hash = ?").params(limit, keyHash).update();
    }

    /** Rows whose next use is due by {@code now}: they mean the same as no row. */
    int deleteDrained(Instant now) {
        return jdbc.sql("delete from rate_limit_state where next_at <= ?").param(now.atOffset(ZoneOffset.UTC))
                .update();
    }
}
