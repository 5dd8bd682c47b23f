package dev.billfold.base;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Work waiting: how many items, and when the oldest was created. {@link #gauges} exports it as two gauges,
 * {@code <name>.depth} and {@code <name>.oldest.age} in seconds (0 when nothing waits), read through a
 * {@link CachedReading} so that a scrape never queries more than once per interval (DD-084).
 */
public record Backlog(long depth, @Nullable Instant oldest) {

    public static final Backlog EMPTY = new Backlog(0, null);

    public double ageSeconds(Instant now) {
        return oldest == null || oldest.isAfter(now) ? 0 : Duration.between(oldest, now).toMillis() / 1000.0;
    }

    public static void gauges(MeterRegistry registry, String name, Tags tags, Supplier<Backlog> reading, Clock clock) {
        Gauge.builder(name + ".depth", () -> reading.get().depth()).tags(tags).register(registry);
        Gauge.builder(name + ".oldest.age", () -> reading.get().ageSeconds(clock.instant())).tags(tags)
                .baseUnit("seconds").register(registry);
    }
}
