package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A customer's renewal paid from the balance may take it under the auto top-up's threshold (DD-105): once it has
 * committed, the rule is checked on a thread of its own, so that the page does not wait for a card charge. The job
 * checks at once after its own renewals instead, so that a shortfall firing later in the same run does not find this
 * one in flight. Not through the outbox: the check is decided afresh from the stored state each time, and the daily
 * job checks every rule with a threshold anyway, so a check lost in a crash is made then.
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

    /** Call after the renewal's transaction has committed. */
    void checkSoon(AccountId accountId) {
        checks.execute(() -> {
            try {
                autoTopUps.check(accountId);
            } catch (RuntimeException e) {
                log.error("Auto top-up check of account {} failed", accountId.value(), e);
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        checks.shutdown();
        checks.awaitTermination(10, TimeUnit.SECONDS);
    }
}
