package dev.billfold.webhook;

import dev.billfold.polling.BackgroundWork;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Claims and sends due webhook deliveries on its schedule; only delegates and logs. A run waits for its receivers
 * (up to the timeout each), so it goes on a thread of its own, one run at a time, and the application's shared
 * scheduler thread, which the other jobs need, is never held by a slow receiver.
 */
@Component
class WebhookDeliveryTrigger implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryTrigger.class);

    private final WebhookDelivery delivery;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "billfold-webhook-claims");
        thread.setDaemon(true);
        return thread;
    });

    private final BackgroundWork work;

    WebhookDeliveryTrigger(WebhookDelivery delivery, BackgroundWork work) {
        this.delivery = delivery;
        this.work = work;
    }

    @Scheduled(cron = "${billfold.webhooks.delivery-cron:* * * * * *}")
    void run() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            runner.execute(() -> {
                try {
                    work.run(delivery::runDue);
                } catch (RuntimeException e) {
                    log.error("Webhook delivery run failed; the next run tries again", e);
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException stopping) {
            running.set(false);
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
