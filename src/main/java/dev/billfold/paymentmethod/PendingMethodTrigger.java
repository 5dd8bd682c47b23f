package dev.billfold.paymentmethod;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the pending-method checks every interval; only delegates and logs. */
@Component
@ConditionalOnProperty(name = "billfold.poller.enabled", havingValue = "true", matchIfMissing = true)
class PendingMethodTrigger {

    private static final Logger log = LoggerFactory.getLogger(PendingMethodTrigger.class);

    private final PendingMethodPoller poller;

    PendingMethodTrigger(PendingMethodPoller poller) {
        this.poller = poller;
    }

    @Scheduled(fixedDelayString = "${billfold.poller.interval:PT1M}", initialDelayString = "${billfold.poller.interval:PT1M}")
    void run() {
        try {
            poller.runCycle();
        } catch (RuntimeException e) {
            log.error("Pending-method check failed; the next cycle picks up what is left", e);
        }
    }
}
