package dev.billfold.ops.ui;

import com.vaadin.flow.component.Component;
import dev.billfold.account.AccountId;
import java.util.Optional;

/**
 * A part of the back office's account page that another feature owns (the account's mail log, its payment orders),
 * contributed as a Spring bean so that the page's module need not depend on that feature, as
 * {@code staff.ui.OpsMenuEntry} does for the menu.
 */
public interface OpsAccountSection {

    /** Sections are shown by this, smallest first, after the account's own sections. */
    int position();

    /**
     * The section for this account, or empty when the signed-in staff member may not read it. The feature's service
     * checks the staff role as for any other call.
     */
    Optional<Component> section(AccountId account);
}
