package dev.billfold.base;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value read from the database for a gauge, read again only once it is older than the time to live
 * ({@code billfold.metrics.count-cache}, DD-084): however often Prometheus scrapes, and however many gauges share the
 * reading, the query runs at most once per interval. A zero time to live reads on every scrape (tests).
 */
public final class CachedReading<T> implements Supplier<T> {

    private final Duration ttl;
    private final Supplier<T> read;
    private @Nullable T value;
    private long readAt;

    public CachedReading(Duration ttl, Supplier<T> read) {
        this.ttl = ttl;
        this.read = read;
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt >= ttl.toNanos()) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
