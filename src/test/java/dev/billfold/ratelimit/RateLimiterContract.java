package dev.billfold.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The limiter on its rate_limit_state rows, through the application's database and transactions, with limits of its
 * own and a clock moved by hand. Runs once on H2 and once on PostgreSQL (see the two subclasses); the same with two
 * nodes at once: ClusterWideLimitsTest.
 */
abstract class RateLimiterContract {

    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    static final String THREE_PER_HOUR = "test-three-per-hour";
    static final String TEN_PER_HOUR = "test-ten-per-hour";
    static final String BACK_OFF = "test-back-off";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    final MutableClock clock = new MutableClock(START);
    RateLimiter limiter;

    @BeforeEach
    void limiter() {
        limiter = new RateLimiter(new RateLimitProperties(Map.of(
                THREE_PER_HOUR, new RateLimit(3, Duration.ofHours(1), null),
                TEN_PER_HOUR, new RateLimit(10, Duration.ofHours(1), null),
                BACK_OFF, new RateLimit(2, Duration.ofMinutes(10), Duration.ofMinutes(30)))),
                new RateLimitStore(jdbc), transactions, clock);
    }

    static RateKey fresh(String limit) {
        return new RateKey(limit, "key-" + UUID.randomUUID());
    }

    @Test
    void a_key_gets_its_capacity_then_is_refused_with_the_wait_and_a_refusal_counts_nothing() {
        RateKey key = fresh(THREE_PER_HOUR);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(key).allowed()).as("use %d", i + 1).isTrue();
        }
        for (int i = 0; i < 5; i++) {
            RateDecision refused = limiter.tryAcquire(key);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfter()).as("refusals do not push the wait out").isEqualTo(Duration.ofMinutes(20));
            assertThat(refused.refusedLimit()).isEqualTo(THREE_PER_HOUR);
        }

        clock.advance(Duration.ofMinutes(20));
        assertThat(limiter.tryAcquire(key).allowed()).isTrue();
        assertThat(limiter.tryAcquire(key).allowed()).isFalse();
    }

    @Test
    void keys_and_limits_are_counted_apart() {
        RateKey used = fresh(THREE_PER_HOUR);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(used);
        }
        assertThat(limiter.tryAcquire(used).allowed()).isFalse();
        assertThat(limiter.tryAcquire(fresh(THREE_PER_HOUR)).allowed()).isTrue();
        assertThat(limiter.tryAcquire(new RateKey(TEN_PER_HOUR, used.key())).allowed()).isTrue();
    }

    @Test
    void several_keys_are_taken_all_or_none_and_the_longest_wait_is_named() {
        RateKey user = fresh(TEN_PER_HOUR);
        RateKey account = fresh(THREE_PER_HOUR);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(user, account).allowed()).isTrue();
        }
        RateDecision refused = limiter.tryAcquire(user, account);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.refusedLimit()).isEqualTo(THREE_PER_HOUR);

        // The user's own limit was not charged for the refused pair: 7 of its 10 are left.
        for (int i = 0; i < 7; i++) {
            assertThat(limiter.tryAcquire(user).allowed()).as("user's use %d", i + 4).isTrue();
        }
        assertThat(limiter.tryAcquire(user).allowed()).isFalse();
    }

    @Test
    void check_looks_without_counting_and_record_counts_even_past_the_limit() {
        RateKey key = fresh(THREE_PER_HOUR);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.check(key).allowed()).isTrue();
        }
        assertThat(rows(key)).as("looking writes nothing").isZero();

        for (int i = 0; i < 5; i++) {
            limiter.record(key);
        }
        RateDecision locked = limiter.check(key);
        assertThat(locked.allowed()).isFalse();
        // Five uses of twenty minutes each, three of them allowed at once: the fifth is two intervals past that.
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void with_back_off_the_lockout_doubles_up_to_the_max_and_a_reset_forgets_the_key() {
        RateKey key = fresh(BACK_OFF);
        limiter.record(key);
        limiter.record(key);
        assertThat(limiter.check(key).retryAfter()).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        limiter.record(key);
        assertThat(limiter.check(key).retryAfter()).isEqualTo(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        limiter.record(key);
        assertThat(limiter.check(key).retryAfter()).isEqualTo(Duration.ofMinutes(20));
        clock.advance(Duration.ofMinutes(20));
        limiter.record(key);
        assertThat(limiter.check(key).retryAfter()).isEqualTo(Duration.ofMinutes(30));

        limiter.reset(key);
        assertThat(rows(key)).isZero();
        assertThat(limiter.tryAcquire(key).allowed()).isTrue();
        assertThat(limiter.tryAcquire(key).allowed()).isTrue();
        assertThat(limiter.check(key).retryAfter()).as("back to the first lockout").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void threads_racing_for_one_key_get_exactly_its_capacity() throws Exception {
        RateKey key = fresh(TEN_PER_HOUR);
        List<Boolean> granted = AtOnce.run(16, index -> limiter.tryAcquire(key).allowed());
        assertThat(granted.stream().filter(Boolean::booleanValue).count()).isEqualTo(10);
    }

    @Test
    void keys_are_stored_only_as_their_hash_and_drained_rows_are_purged() {
        RateKey typed = new RateKey(THREE_PER_HOUR, "Secret-Typed-Into-Username-" + UUID.randomUUID());
        RateKey busy = fresh(THREE_PER_HOUR);
        limiter.tryAcquire(typed);
        limiter.tryAcquire(busy);
        limiter.tryAcquire(busy);
        assertThat(jdbc.sql("select count(*) from rate_limit_state where key_hash like ?")
                .param("%Secret-Typed%").query(Integer.class).single()).isZero();
        assertThat(rows(typed)).isOne();

        clock.advance(Duration.ofMinutes(20));
        limiter.purge();
        assertThat(rows(typed)).as("back to a full allowance: gone").isZero();
        assertThat(rows(busy)).as("one use still counted").isOne();
        assertThat(limiter.tryAcquire(busy).allowed()).isTrue();
        assertThat(limiter.tryAcquire(busy).allowed()).isTrue();
        assertThat(limiter.tryAcquire(busy).allowed()).as("the purge forgot nothing that counts").isFalse();
    }

    @Test
    void a_limit_that_is_not_configured_is_an_error_not_a_free_pass() {
        assertThatThrownBy(() -> limiter.tryAcquire(new RateKey("no-such-limit", "k")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("billfold.rate-limits.no-such-limit.capacity");
    }

    int rows(RateKey key) {
        return jdbc.sql("select count(*) from rate_limit_state where limit_name = ? and key_hash = ?")
                .params(key.limit(), RateLimiter.hash(key.key())).query(Integer.class).single();
    }
}
