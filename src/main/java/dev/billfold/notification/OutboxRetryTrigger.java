package dev.billfold.notification;

import dev.billfold.polling.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the outbox's retry on its schedule; only delegates and logs. */
@Component
class OutboxRetryTrigger {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetryTrigger.class);

    private final OutboxRetryJob job;
    private final BackgroundWork work;

    OutboxRetryTrigger(OutboxRetryJob job, BackgroundWork work) {
        this.job = job;
        this.work = work;
    }

    @Scheduled(cron = "${billfold.outbox.retry-cron:*/30 * * * * *}")
    void run() {
        try {
            work.run(() -> {
                job.runOnce();
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Outbox retry failed; the next run tries again", e);
        }
    }
}
