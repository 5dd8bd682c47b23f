package dev.billfold.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.account.AccountService;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.NoAccountNeeded;
import jakarta.annotation.security.PermitAll;

/**
 * Where a signed-in user without any customer account lands (a first OIDC sign-in before anyone linked them): the
 * reason and a way out, instead of an error page. Outside {@link MainLayout}, which needs an account.
 */
@Route(value = NoAccountView.ROUTE, autoLayout = false)
@PageTitle("No account yet · Billfold")
@PermitAll
@NoAccountNeeded
class NoAccountView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "no-account";

    private final AccountService accounts;
    private final Paragraph reason = new Paragraph();

    NoAccountView(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        addClassName("no-account-view");
        reason.setId("no-account-reason");
        var signOut = new Button("Sign out", e -> authentication.logout());
        signOut.setId("no-account-sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("Billfold"), reason, signOut);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            accounts.currentAccount();
            // Linked meanwhile (an invitation, support): nothing to wait for.
            event.forwardTo("");
        } catch (InvalidRequestException notLinked) {
            reason.setText(notLinked.getMessage());
        }
    }
}
