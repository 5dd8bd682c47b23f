package dev.billfold.statement.ui;

import dev.billfold.staff.ui.OpsMenuEntry;
import org.springframework.stereotype.Component;

/** Bank statements: upload and the imports' reports. */
@Component
class StatementsMenuEntry implements OpsMenuEntry {

    @Override
    public String key() {
        return "statements";
    }

    @Override
    public Class<StatementsView> view() {
        return StatementsView.class;
    }

    @Override
    public int position() {
        return 30;
    }
}
