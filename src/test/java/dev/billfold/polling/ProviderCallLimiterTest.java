package dev.billfold.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The shared call limit on its provider_call_slot rows (H2, migrated by Flyway), on a clock that the limiter's sleeps
 * move forward, so no time passes; and the backoff schedule. The same on PostgreSQL with two nodes at once:
 * ClusterWideTest.
 */
class ProviderCallLimiterTest {

    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final List<Duration> slept = new ArrayList<>();
    DriverManagerDataSource database;

    @BeforeEach
    void migrate() {
        database = new DriverManagerDataSource("jdbc:h2:mem:limiter-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void drop() {
        JdbcClient.create(database).sql("shutdown").update();
    }

    ProviderCallLimiter limiter(double callsPerSecond) {
        return new ProviderCallLimiter(CallSchedule.perSecond(callsPerSecond, ProviderCallLimiter.BURST),
                new ProviderCallSlots(JdbcClient.create(database)), new JdbcTransactionManager(database), clock,
                duration -> {
                    slept.add(duration);
                    clock.advance(duration);
                });
    }

    Instant nextSlot(String provider) {
        return JdbcClient.create(database).sql("select next_slot_at from provider_call_slot where provider = ?")
                .param(provider).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }

    static PollerProperties properties(double callsPerSecond) {
        return new PollerProperties(true, Duration.ofMinutes(1),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(48)),
                Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(3), callsPerSecond, Duration.ofSeconds(50),
                Duration.ofMinutes(2), 50);
    }

    @Test
    void calls_are_spaced_by_the_rate_in_the_shared_row_and_each_provider_has_its_own() {
        var limiter = limiter(5);
        List<Instant> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("stripe", Duration.ofSeconds(1))).isTrue();
            calls.add(clock.instant());
        }
        assertThat(calls).containsExactly(START, START.plusMillis(200), START.plusMillis(400), START.plusMillis(600));
        assertThat(slept).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200));
        assertThat(nextSlot("stripe")).isEqualTo(START.plusMillis(800));

        assertThat(limiter.acquire("paypal", Duration.ZERO)).as("another provider has its own row").isTrue();
        assertThat(slept).hasSize(3);
    }

    @Test
    void a_call_refused_for_its_wait_leaves_the_row_as_it_was() {
        var limiter = limiter(5);
        assertThat(limiter.acquire("stripe", Duration.ZERO)).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("stripe", Duration.ofMillis(100))).isFalse();
        }
        assertThat(nextSlot("stripe")).isEqualTo(START.plusMillis(200));
        assertThat(slept).isEmpty();
        assertThat(limiter.acquire("stripe", Duration.ofMillis(200))).isTrue();
        assertThat(slept).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void a_second_limiter_on_the_same_database_continues_where_the_first_left_off() {
        var first = limiter(5);
        var second = limiter(5);
        assertThat(first.acquire("stripe", Duration.ZERO)).isTrue();
        assertThat(second.acquire("stripe", Duration.ZERO)).as("the other node sees the slot taken").isFalse();
        assertThat(second.acquire("stripe", Duration.ofSeconds(1))).isTrue();
        assertThat(clock.instant()).isEqualTo(START.plusMillis(200));
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
