package dev.billfold.payment.ui;

import dev.billfold.payment.HeldPayments;
import dev.billfold.staff.ui.OpsMenuEntry;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** The queue of payments waiting for clarification, with how many wait; first of the queues, as money waits in it. */
@Component
class HeldPaymentsMenuEntry implements OpsMenuEntry {

    private final HeldPayments held;

    HeldPaymentsMenuEntry(HeldPayments held) {
        this.held = held;
    }

    @Override
    public String key() {
        return "held";
    }

    @Override
    public Class<OpsHeldPaymentsView> view() {
        return OpsHeldPaymentsView.class;
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public OptionalLong waiting() {
        return OptionalLong.of(held.waiting());
    }
}
