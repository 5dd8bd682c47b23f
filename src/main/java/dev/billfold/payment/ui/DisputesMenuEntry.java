package dev.billfold.payment.ui;

import dev.billfold.payment.OpenDisputes;
import dev.billfold.staff.ui.OpsMenuEntry;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** The queue of open disputes, with how many are open; next to the held payments, as both are money in question. */
@Component
class DisputesMenuEntry implements OpsMenuEntry {

    private final OpenDisputes disputes;

    DisputesMenuEntry(OpenDisputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public String key() {
        return "disputes";
    }

    @Override
    public Class<OpsDisputesView> view() {
        return OpsDisputesView.class;
    }

    @Override
    public int position() {
        return 24;
    }

    @Override
    public OptionalLong waiting() {
        return OptionalLong.of(disputes.waiting());
    }
}
