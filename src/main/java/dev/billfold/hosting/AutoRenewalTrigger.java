package dev.billfold.hosting;

import dev.billfold.polling.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the auto-renewal daily at the configured time; only delegates and logs. Shutdown waits for a run (DD-087). */
@Component
class AutoRenewalTrigger {

    private static final Logger log = LoggerFactory.getLogger(AutoRenewalTrigger.class);

    private final AutoRenewalJob job;
    private final BackgroundWork work;

    AutoRenewalTrigger(AutoRenewalJob job, BackgroundWork work) {
        this.job = job;
        this.work = work;
    }

    @Scheduled(cron = "${billfold.renewals.cron:0 15 6 * * *}", zone = "${billfold.renewals.zone:UTC}")
    void run() {
        try {
            work.run(job::runOnce);
        } catch (RuntimeException e) {
            log.error("Auto-renewal run failed; the next run picks up what is left", e);
        }
    }
}
