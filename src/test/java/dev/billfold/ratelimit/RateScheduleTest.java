package dev.billfold.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GCRA arithmetic of one limit on instants moved by hand; the same on the shared rows: RateLimiterContract. */
class RateScheduleTest {

    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    /** 5 per 15 minutes: one use comes back every 3 minutes. */
    final RateSchedule fivePerQuarter = new RateSchedule(new RateLimit(5, Duration.ofMinutes(15), null));

    @Test
    void a_fresh_key_gets_its_capacity_back_to_back_then_one_use_per_interval() {
        RateSchedule.State state = null;
        for (int i = 0; i < 5; i++) {
            RateSchedule.Outcome use = fivePerQuarter.take(state, START);
            assertThat(use.allowed()).as("use %d", i + 1).isTrue();
            state = use.counted();
        }
        RateSchedule.Outcome sixth = fivePerQuarter.take(state, START);
        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.retryAfter()).isEqualTo(Duration.ofMinutes(3));

        assertThat(fivePerQuarter.take(state, START.plus(Duration.ofMinutes(3).minusSeconds(1))).allowed()).isFalse();
        RateSchedule.Outcome later = fivePerQuarter.take(state, START.plus(Duration.ofMinutes(3)));
        assertThat(later.allowed()).isTrue();
        assertThat(fivePerQuarter.take(later.counted(), START.plus(Duration.ofMinutes(3))).allowed()).isFalse();
    }

    @Test
    void a_key_quiet_for_a_whole_period_is_back_to_its_full_capacity() {
        RateSchedule.State state = null;
        for (int i = 0; i < 5; i++) {
            state = fivePerQuarter.take(state, START).counted();
        }
        Instant later = START.plus(Duration.ofMinutes(15));
        for (int i = 0; i < 5; i++) {
            RateSchedule.Outcome use = fivePerQuarter.take(state, later);
            assertThat(use.allowed()).as("use %d after the period", i + 1).isTrue();
            state = use.counted();
        }
        assertThat(fivePerQuarter.take(state, later).allowed()).isFalse();
    }

    @Test
    void uses_counted_past_the_limit_push_the_wait_out_by_one_interval_each() {
        RateSchedule.State state = null;
        for (int i = 0; i < 8; i++) {
            state = fivePerQuarter.take(state, START).counted();
        }
        assertThat(fivePerQuarter.take(state, START).retryAfter()).isEqualTo(Duration.ofMinutes(12));
        assertThat(state.strikes()).as("no back-off configured").isZero();
    }

    @Test
    void with_back_off_each_time_the_allowance_is_used_up_again_the_wait_doubles_up_to_the_max_lockout() {
        var withBackOff = new RateSchedule(new RateLimit(5, Duration.ofMinutes(15), Duration.ofMinutes(20)));
        Instant now = START;
        RateSchedule.State state = null;
        for (int i = 0; i < 5; i++) {
            state = withBackOff.take(state, now).counted();
        }
        List<Duration> waits = new ArrayList<>();
        for (int lockout = 0; lockout < 5; lockout++) {
            RateSchedule.Outcome refused = withBackOff.take(state, now);
            assertThat(refused.allowed()).isFalse();
            waits.add(refused.retryAfter());
            now = now.plus(refused.retryAfter());
            RateSchedule.Outcome allowedAgain = withBackOff.take(state, now);
            assertThat(allowedAgain.allowed()).isTrue();
            state = allowedAgain.counted();
        }
        assertThat(waits).containsExactly(Duration.ofMinutes(3), Duration.ofMinutes(6), Duration.ofMinutes(12),
                Duration.ofMinutes(20), Duration.ofMinutes(20));

        // Quiet for the period after the last lockout: the count and the back-off start over.
        now = state.nextAt();
        RateSchedule.Outcome fresh = withBackOff.take(state, now);
        assertThat(fresh.allowed()).isTrue();
        assertThat(fresh.counted().strikes()).isZero();
    }

    @Test
    void a_limit_needs_a_capacity_and_a_positive_period() {
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofMinutes(1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, Duration.ofMinutes(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_wait_is_said_in_words_rounded_up() {
        assertThat(RateDecision.inWords(Duration.ofMillis(200))).isEqualTo("in 1 second");
        assertThat(RateDecision.inWords(Duration.ofSeconds(40))).isEqualTo("in 40 seconds");
        assertThat(RateDecision.inWords(Duration.ofSeconds(61))).isEqualTo("in 2 minutes");
        assertThat(RateDecision.inWords(Duration.ofMinutes(1))).isEqualTo("in 1 minute");
        assertThat(RateDecision.inWords(Duration.ofMinutes(119))).isEqualTo("in 119 minutes");
        assertThat(RateDecision.inWords(Duration.ofMinutes(150))).isEqualTo("in 3 hours");
    }
}
