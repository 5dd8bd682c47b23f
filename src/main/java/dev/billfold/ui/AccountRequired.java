package dev.billfold.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.billfold.account.AccountService;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.security.CurrentUser;
import dev.billfold.staff.StaffAccess;
import org.springframework.stereotype.Component;

/**
 * Every view but the public ones and those marked {@link NoAccountNeeded} (the invitation link, the back office)
 * works inside a customer account. A signed-in user without one is sent to {@link NoAccountView} before any other
 * view or {@link MainLayout} is built, since those would fail for want of an account; a staff member without one
 * goes to the back office (/ops), which has its own layout.
 */
@Component
class AccountRequired implements VaadinServiceInitListener {

    private static final String BACK_OFFICE_ROUTE = "ops";

    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final StaffAccess staff;

    AccountRequired(CurrentUser currentUser, AccountService accounts, StaffAccess staff) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.staff = staff;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target.isAnnotationPresent(NoAccountNeeded.class) || target.isAnnotationPresent(AnonymousAllowed.class)
                || currentUser.find().isEmpty()) {
            // Public pages and the way into a first account need none, and signing in is the access control's business.
            return;
        }
        try {
            accounts.currentAccount();
        } catch (InvalidRequestException notLinked) {
            if (staff.isStaff()) {
                // Staff are no customers: their start page is the back office.
                event.forwardTo(BACK_OFFICE_ROUTE);
                return;
            }
            event.rerouteTo(NoAccountView.class);
        }
    }
}
