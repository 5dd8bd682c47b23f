package dev.billfold.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The GCRA slot arithmetic of the shared call limit, on a clock moved by hand. */
class CallScheduleTest {

    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    static final Duration NO_WAIT = Duration.ZERO;
    static final Duration LONG_WAIT = Duration.ofMinutes(1);

    final MutableClock clock = new MutableClock(START);
    @Nullable Instant state;

    CallSchedule.Reservation take(CallSchedule schedule, Duration maxWait) {
        CallSchedule.Reservation reservation = schedule.reserve(state, clock.instant(), maxWait);
        state = reservation.state();
        return reservation;
    }

    @Test
    void five_per_second_spaces_calls_200_ms_apart_from_the_first_call_on() {
        CallSchedule schedule = CallSchedule.perSecond(5, 1);
        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CallSchedule.Reservation reservation = take(schedule, LONG_WAIT);
            assertThat(reservation.granted()).isTrue();
            slots.add(reservation.slot());
        }
        assertThat(slots).containsExactly(START, START.plusMillis(200), START.plusMillis(400), START.plusMillis(600),
                START.plusMillis(800), START.plusMillis(1000));
        assertThat(slots.stream().filter(s -> s.isBefore(START.plusSeconds(1)))).as("calls in the first second").hasSize(5);
    }

    @Test
    void a_refused_call_reserves_nothing_so_the_next_caller_gets_the_same_slot() {
        CallSchedule schedule = CallSchedule.perSecond(5, 1);
        assertThat(take(schedule, NO_WAIT).granted()).isTrue();
        Instant before = state;

        CallSchedule.Reservation refused = take(schedule, Duration.ofMillis(199));
        assertThat(refused.granted()).isFalse();
        assertThat(refused.slot()).isEqualTo(START.plusMillis(200));
        assertThat(state).as("state after the refusal").isEqualTo(before);
        for (int i = 0; i < 10; i++) {
            assertThat(take(schedule, NO_WAIT).granted()).isFalse();
        }

        CallSchedule.Reservation granted = take(schedule, Duration.ofMillis(200));
        assertThat(granted.granted()).isTrue();
        assertThat(granted.slot()).as("refusals did not push the slot back").isEqualTo(START.plusMillis(200));
        assertThat(granted.waitFrom(clock.instant())).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void a_quiet_spell_is_not_saved_up_for_a_burst() {
        CallSchedule schedule = CallSchedule.perSecond(5, 1);
        take(schedule, NO_WAIT);
        clock.advance(Duration.ofMinutes(10));
        assertThat(take(schedule, NO_WAIT).granted()).isTrue();
        assertThat(take(schedule, NO_WAIT).granted()).as("second call in the same instant after ten quiet minutes").isFalse();
        clock.advance(Duration.ofMillis(200));
        assertThat(take(schedule, NO_WAIT).granted()).isTrue();
    }

    @Test
    void a_burst_of_three_allows_three_at_once_and_then_the_rate() {
        CallSchedule schedule = CallSchedule.perSecond(5, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(take(schedule, NO_WAIT).granted()).as("call %d", i + 1).isTrue();
        }
        CallSchedule.Reservation fourth = take(schedule, LONG_WAIT);
        assertThat(fourth.slot()).isEqualTo(START.plusMillis(200));
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            assertThat(take(schedule, NO_WAIT).granted()).isTrue();
        }
        assertThat(take(schedule, NO_WAIT).granted()).isFalse();
    }

    @Test
    void a_slow_rate_and_a_fast_one_keep_their_interval() {
        assertThat(CallSchedule.perSecond(0.5, 1).interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(CallSchedule.perSecond(100_000, 1).interval()).isEqualTo(Duration.ofNanos(10_000));
        assertThat(CallSchedule.perSecond(1e9, 1).interval()).as("at least the database's microsecond").isEqualTo(Duration.ofNanos(1_000));
    }

    @Test
    void a_slot_far_ahead_written_by_a_node_with_a_fast_clock_is_reset() {
        CallSchedule schedule = CallSchedule.perSecond(5, 1);
        state = START.plus(Duration.ofHours(5));
        CallSchedule.Reservation reservation = take(schedule, NO_WAIT);
        assertThat(reservation.granted()).isTrue();
        assertThat(reservation.slot()).isEqualTo(START);
        assertThat(state).isEqualTo(START.plusMillis(200));
    }

    @Test
    void no_interval_or_no_burst_is_refused() {
        assertThatThrownBy(() -> new CallSchedule(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallSchedule(Duration.ofMillis(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
