package dev.billfold.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InFlightBoundTest {

    @Test
    void takes_up_to_its_limit_turns_the_next_away_at_once_and_has_room_again_when_one_leaves() {
        var bound = new InFlightBound(2);

        assertThat(bound.tryEnter()).isTrue();
        assertThat(bound.tryEnter()).isTrue();
        assertThat(bound.tryEnter()).isFalse();
        assertThat(bound.inFlight()).isEqualTo(2);

        bound.leave();

        assertThat(bound.inFlight()).isEqualTo(1);
        assertThat(bound.tryEnter()).isTrue();
        assertThat(bound.tryEnter()).isFalse();
    }

    @Test
    void a_bound_without_room_for_one_call_is_refused() {
        assertThatThrownBy(() -> new InFlightBound(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one call");
    }
}
