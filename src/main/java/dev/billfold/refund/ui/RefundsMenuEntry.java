package dev.billfold.refund.ui;

import dev.billfold.refund.RefundDesk;
import dev.billfold.staff.ui.OpsMenuEntry;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** The refunds queue: requests waiting for approval and bank payouts due. */
@Component
class RefundsMenuEntry implements OpsMenuEntry {

    private final RefundDesk desk;

    RefundsMenuEntry(RefundDesk desk) {
        this.desk = desk;
    }

    @Override
    public String key() {
        return "refunds";
    }

    @Override
    public Class<OpsRefundsView> view() {
        return OpsRefundsView.class;
    }

    @Override
    public int position() {
        return 56;
    }

    @Override
    public OptionalLong waiting() {
        return OptionalLong.of((long) desk.waitingCount() + desk.payoutCount());
    }
}
