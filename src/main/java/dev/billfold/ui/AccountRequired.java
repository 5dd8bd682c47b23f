package dev.billfold.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.billfold.account.AccountService;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Every view but the public ones and those marked {@link NoAccountNeeded} works inside a customer account. A
 * signed-in user without one is sent to {@link NoAccountView} before any other view or {@link MainLayout} is built,
 * since those would fail for want of an account.
 */
@Component
class AccountRequired implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final AccountService accounts;

    AccountRequired(CurrentUser currentUser, AccountService accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
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
            event.rerouteTo(NoAccountView.class);
        }
    }
}
