package dev.billfold.staff.ui;

import com.vaadin.flow.component.Component;
import java.util.OptionalLong;

/**
 * One entry of the back office's menu, contributed as a Spring bean by the feature that owns the page. A queue reports
 * how many items wait in it; the frame reads that again after every navigation and whenever a page says a queue
 * changed ({@link OpsLayout#queuesChanged(Component)}).
 */
public interface OpsMenuEntry {

    /**
     * Short and stable: the link's id is {@code ops-nav-<key>}, its badge's {@code ops-nav-<key>-count}, and its name
     * {@code staff.menu.<key>} from the staff bundle in the page's language.
     */
    String key();

    Class<? extends Component> view();

    /** Entries are listed by this, smallest first. */
    int position();

    /**
     * How many items wait, for a queue; empty for a page that is not one, or when the signed-in staff member may not
     * read it. Implementations ask the feature's service, which checks the staff role as for any other call.
     */
    default OptionalLong waiting() {
        return OptionalLong.empty();
    }
}
