package dev.billfold.polling;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs every {@link Poller} each interval; only delegates and logs, so one failing poller never stops another. */
@Component
@ConditionalOnProperty(name = "billfold.poller.enabled", havingValue = "true", matchIfMissing = true)
class PollingTrigger {

    private static final Logger log = LoggerFactory.getLogger(PollingTrigger.class);

    private final List<Poller> pollers;
    private final BackgroundWork work;

    PollingTrigger(List<Poller> pollers, BackgroundWork work) {
        this.pollers = List.copyOf(pollers);
        this.work = work;
    }

    @Scheduled(fixedDelayString = "${billfold.poller.interval:PT1M}",
            initialDelayString = "${billfold.poller.interval:PT1M}")
    void run() {
        work.run(() -> {
            for (Poller poller : pollers) {
                if (work.stopping()) {
                    return null;
                }
                try {
                    poller.runCycle();
                } catch (RuntimeException e) {
                    log.error("{} failed; the next cycle picks up what is left", poller.description(), e);
                }
            }
            return null;
        });
    }
}
