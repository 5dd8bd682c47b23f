package dev.billfold.statement.ui;

import dev.billfold.staff.ui.OpsMenuEntry;
import dev.billfold.statement.UnmatchedEntries;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** The unmatched bank entries queue, with how many wait. */
@Component
class UnmatchedMenuEntry implements OpsMenuEntry {

    private final UnmatchedEntries unmatched;

    UnmatchedMenuEntry(UnmatchedEntries unmatched) {
        this.unmatched = unmatched;
    }

    @Override
    public String key() {
        return "unmatched";
    }

    @Override
    public Class<UnmatchedEntriesView> view() {
        return UnmatchedEntriesView.class;
    }

    @Override
    public int position() {
        return 21;
    }

    @Override
    public OptionalLong waiting() {
        return OptionalLong.of(unmatched.waiting());
    }
}
