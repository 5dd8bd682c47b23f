package dev.billfold.adjustment.ui;

import dev.billfold.adjustment.AdjustmentService;
import dev.billfold.staff.ui.OpsMenuEntry;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** The approval queue of balance adjustments, with how many wait for a second Finance member. */
@Component
class AdjustmentsMenuEntry implements OpsMenuEntry {

    private final AdjustmentService adjustments;

    AdjustmentsMenuEntry(AdjustmentService adjustments) {
        this.adjustments = adjustments;
    }

    @Override
    public String key() {
        return "adjustments";
    }

    @Override
    public Class<OpsAdjustmentsView> view() {
        return OpsAdjustmentsView.class;
    }

    @Override
    public int position() {
        return 50;
    }

    @Override
    public OptionalLong waiting() {
        return OptionalLong.of(adjustments.waitingCount());
    }
}
