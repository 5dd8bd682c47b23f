package dev.billfold.webhook.ui;

import dev.billfold.staff.ui.OpsMenuEntry;
import org.springframework.stereotype.Component;

/** The webhooks page, for Admins; not a queue. */
@Component
class WebhooksMenuEntry implements OpsMenuEntry {

    @Override
    public String key() {
        return "webhooks";
    }

    @Override
    public Class<OpsWebhooksView> view() {
        return OpsWebhooksView.class;
    }

    @Override
    public int position() {
        return 95;
    }
}
