package dev.billfold.hosting;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A renewal paid from the balance may take it under the auto top-up's threshold (DD-105): once it has committed, the
 * rule is checked on a thread of its own, so that the customer's page does not wait for a card charge. Not through
 * the outbox: the check is decided afresh from the stored state each time, and the daily job checks every rule with a
 * threshold anyway, so a check lost in a crash is made then.
 */
@Component
class AutoTopUpAfterRenewal {

    private static final Logger log = LoggerFactory.getLogger(AutoTopUpAfterRenewal.class);

    private final AutoTopUps autoTopUps;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "auto-top-up-check");
        thread.setDaemon(true);
        return thread;
    });

    AutoTopUpAfterRenewal(AutoTopUps autoTopUps) {
        this.autoTopUps = autoTopUps;
    }

    @TransactionalEventListener
    void renewed(ServiceChanged changed) {
        if (changed.change() != ServiceChanged.Change.RENEWED) {
            return;
        }
        checks.execute(() -> {
            try {
                autoTopUps.check(changed.accountId());
            } catch (RuntimeException e) {
                log.error("Auto top-up check of account {} failed", changed.accountId().value(), e);
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        checks.shutdown();
        checks.awaitTermination(10, TimeUnit.SECONDS);
    }
}
