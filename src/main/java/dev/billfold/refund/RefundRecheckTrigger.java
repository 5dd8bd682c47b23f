package dev.billfold.refund;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link RefundRecheckJob} every minute (configurable); only delegates and logs. */
@Component
class RefundRecheckTrigger {

    private static final Logger log = LoggerFactory.getLogger(RefundRecheckTrigger.class);

    private final RefundRecheckJob job;

    RefundRecheckTrigger(RefundRecheckJob job) {
        this.job = job;
    }

    @Scheduled(cron = "${billfold.refund-requests.recheck-cron:30 * * * * *}")
    void run() {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.error("Refund recheck failed; the next run asks again", e);
        }
    }
}
