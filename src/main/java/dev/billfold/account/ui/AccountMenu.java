package dev.billfold.account.ui;

import com.vaadin.flow.server.menu.MenuEntry;
import dev.billfold.account.AccountContext;
import dev.billfold.account.Role;

/** Which menu entries the current account's role gets to see. */
public final class AccountMenu {

    private AccountMenu() {
    }

    public static boolean shows(MenuEntry entry, AccountContext account) {
        return account.role() == Role.OWNER || entry.menuClass() == null
                || !entry.menuClass().isAnnotationPresent(OwnersOnly.class);
    }
}
