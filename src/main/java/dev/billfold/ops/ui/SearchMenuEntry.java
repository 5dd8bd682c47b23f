package dev.billfold.ops.ui;

import dev.billfold.staff.ui.OpsMenuEntry;
import org.springframework.stereotype.Component;

/** The back office's first page: finding a customer. */
@Component
class SearchMenuEntry implements OpsMenuEntry {

    @Override
    public String key() {
        return "search";
    }

    @Override
    public Class<OpsSearchView> view() {
        return OpsSearchView.class;
    }

    @Override
    public int position() {
        return 0;
    }
}
