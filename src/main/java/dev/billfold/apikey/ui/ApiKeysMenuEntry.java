package dev.billfold.apikey.ui;

import dev.billfold.staff.ui.OpsMenuEntry;
import org.springframework.stereotype.Component;

/** API keys are settings, not a queue: no count. Listed after the queues, before the audit trail. */
@Component
class ApiKeysMenuEntry implements OpsMenuEntry {

    @Override
    public String key() {
        return "api-keys";
    }

    @Override
    public Class<OpsApiKeysView> view() {
        return OpsApiKeysView.class;
    }

    @Override
    public int position() {
        return 80;
    }
}
