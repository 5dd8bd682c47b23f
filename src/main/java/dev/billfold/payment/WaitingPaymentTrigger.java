package dev.billfold.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the reconciliation of waiting payments every interval; only delegates and logs. */
@Component
@ConditionalOnProperty(name = "billfold.poller.enabled", havingValue = "true", matchIfMissing = true)
class WaitingPaymentTrigger {

    private static final Logger log = LoggerFactory.getLogger(WaitingPaymentTrigger.class);

    private final WaitingPaymentPoller poller;

    WaitingPaymentTrigger(WaitingPaymentPoller poller) {
        this.poller = poller;
    }

    @Scheduled(fixedDelayString = "${billfold.poller.interval:PT1M}", initialDelayString = "${billfold.poller.interval:PT1M}")
    void run() {
        try {
            poller.runCycle();
        } catch (RuntimeException e) {
            log.error("Payment reconciliation failed; the next cycle picks up what is left", e);
        }
    }
}
