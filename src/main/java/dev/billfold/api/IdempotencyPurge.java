package dev.billfold.api;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes Idempotency-Key rows whose time is over, hourly (billfold.api.idempotency-purge-cron). */
@Component
class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;
    private final Clock clock;

    IdempotencyPurge(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(cron = "${billfold.api.idempotency-purge-cron:0 17 * * * *}")
    void trigger() {
        try {
            purge();
        } catch (RuntimeException failed) {
            log.warn("Purging expired idempotency keys failed; the next run tries again", failed);
        }
    }

    int purge() {
        int purged = store.purge(clock.instant());
        if (purged > 0) {
            log.info("Purged {} expired idempotency keys", purged);
        }
        return purged;
    }
}
