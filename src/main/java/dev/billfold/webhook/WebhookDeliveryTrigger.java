package dev.billfold.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Claims and sends due webhook deliveries on its schedule; only delegates and logs. */
@Component
class WebhookDeliveryTrigger {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryTrigger.class);

    private final WebhookDelivery delivery;

    WebhookDeliveryTrigger(WebhookDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(cron = "${billfold.webhooks.delivery-cron:* * * * * *}")
    void run() {
        try {
            delivery.runDue();
        } catch (RuntimeException e) {
            log.error("Webhook delivery run failed; the next run tries again", e);
        }
    }
}
