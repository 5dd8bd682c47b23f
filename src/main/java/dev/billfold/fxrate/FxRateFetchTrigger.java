package dev.billfold.fxrate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches the rates on {@code billfold.fx-rates.fetch-cron}, and once after start-up on a thread of its own, so a
 * slow feed never holds the start. A cron of {@code -} switches both off.
 */
@Component
class FxRateFetchTrigger {

    private static final Logger log = LoggerFactory.getLogger(FxRateFetchTrigger.class);

    private final FxRateFetch fetch;
    private final boolean enabled;

    FxRateFetchTrigger(FxRateFetch fetch, FxRateProperties properties) {
        this.fetch = fetch;
        this.enabled = !"-".equals(properties.fetchCron());
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (enabled) {
            Thread.ofVirtual().name("fx-rate-fetch").start(this::run);
        }
    }

    @Scheduled(cron = "${billfold.fx-rates.fetch-cron:0 7 * * * *}")
    void run() {
        try {
            fetch.fetchAll();
        } catch (RuntimeException e) {
            log.warn("Could not fetch exchange rates; the next run tries again", e);
        }
    }
}
