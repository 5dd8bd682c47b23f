package dev.billfold.gateway;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Keeps background calls to each provider under {@link PollerProperties#callsPerSecond()}: a token bucket per
 * provider (burst of one second's worth). Small enough not to need a library; the limit is per node, so with N nodes
 * the provider sees at most N times the rate (DD-030).
 */
@Component
public class ProviderCallLimiter {

    private final double perSecond;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ProviderCallLimiter(PollerProperties properties) {
        this.perSecond = properties.callsPerSecond();
    }

    /**
     * Takes one call's token for the provider, waiting for it at most {@code maxWait}. Returns false when no token
     * came in time (the caller leaves the rest for the next cycle).
     */
    public boolean acquire(String provider, Duration maxWait) {
        return buckets.computeIfAbsent(provider, p -> new Bucket(perSecond)).acquire(maxWait.toNanos());
    }

    private static final class Bucket {

        private final double perNano;
        private final double capacity;
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(double perSecond) {
            this.perNano = perSecond / TimeUnit.SECONDS.toNanos(1);
            this.capacity = Math.max(1, perSecond);
            this.tokens = capacity;
        }

        boolean acquire(long maxWaitNanos) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
                refilledAt = now;
                tokens -= 1;
                if (tokens >= 0) {
                    return true;
                }
                waitNanos = (long) Math.ceil(-tokens / perNano);
                if (waitNanos > maxWaitNanos) {
                    tokens += 1;
                    return false;
                }
            }
            // The token is reserved (tokens went negative); sleep until it is due.
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
