package dev.billfold.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-provider token bucket and the backoff schedule, without waiting for time to pass. */
class ProviderCallLimiterTest {

    static PollerProperties properties(double callsPerSecond) {
        return new PollerProperties(true, Duration.ofMinutes(1),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(48)),
                Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(3), callsPerSecond, Duration.ofSeconds(50),
                Duration.ofMinutes(2), 50);
    }

    @Test
    void a_provider_gets_one_seconds_worth_of_calls_at_once_and_then_none_without_waiting() {
        var limiter = new ProviderCallLimiter(properties(5));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("stripe", Duration.ZERO)).as("call %d", i + 1).isTrue();
        }
        assertThat(limiter.acquire("stripe", Duration.ZERO)).as("the sixth call in the same instant").isFalse();
        assertThat(limiter.acquire("paypal", Duration.ZERO)).as("another provider has its own bucket").isTrue();
    }

    @Test
    void the_backoff_follows_the_list_repeats_the_last_and_is_capped_at_24_hours() {
        PollerProperties poller = properties(5);
        assertThat(poller.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(poller.delayAfter(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(poller.delayAfter(3)).isEqualTo(Duration.ofMinutes(15));
        assertThat(poller.delayAfter(4)).isEqualTo(Duration.ofHours(1));
        assertThat(poller.delayAfter(5)).as("48 h configured, capped").isEqualTo(Duration.ofHours(24));
        assertThat(poller.delayAfter(40)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void a_rate_of_zero_or_an_empty_backoff_stops_the_start() {
        assertThatThrownBy(() -> properties(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollerProperties(true, Duration.ofMinutes(1), List.of(), Duration.ofDays(7),
                Duration.ofDays(30), Duration.ofDays(3), 5, Duration.ofSeconds(50), Duration.ofMinutes(2), 50))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
