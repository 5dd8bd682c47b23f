package dev.billfold.audit.ui;

import dev.billfold.staff.ui.OpsMenuEntry;
import org.springframework.stereotype.Component;

/** The whole trail is a page, not a queue: no count. Listed after the queues. */
@Component
class AuditMenuEntry implements OpsMenuEntry {

    @Override
    public String key() {
        return "audit";
    }

    @Override
    public Class<OpsAuditView> view() {
        return OpsAuditView.class;
    }

    @Override
    public int position() {
        return 90;
    }
}
