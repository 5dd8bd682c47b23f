package dev.billfold.ratelimit;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once an hour, deletes the rows of keys that are back to a full allowance, so one-off keys (a mistyped user name, a
 * client seen once) do not pile up. Every node may run it: deleting a drained row changes no answer.
 */
@Component
class RateLimitPurge {

    private static final Logger log = LoggerFactory.getLogger(RateLimitPurge.class);

    private final RateLimiter limiter;

    RateLimitPurge(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void run() {
        try {
            int deleted = limiter.purge();
            log.debug("Deleted {} drained rate limit rows", deleted);
        } catch (RuntimeException e) {
            log.warn("Could not delete drained rate limit rows; the next run tries again", e);
        }
    }
}
