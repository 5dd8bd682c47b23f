package dev.billfold.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.account.AccountService;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.base.ui.PageTitles;
import jakarta.annotation.security.PermitAll;

/**
 * Where a signed-in user without any customer account lands (a first OIDC sign-in before anyone linked them): the
 * reason and a way out, instead of an error page. Outside {@link MainLayout}, which needs an account.
 */
@Route(value = NoAccountView.ROUTE, autoLayout = false)
@PermitAll
@NoAccountNeeded
class NoAccountView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "no-account";

    private final AccountService accounts;
    private final Paragraph reason = new Paragraph();

    NoAccountView(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        addClassName("no-account-view");
        reason.setId("no-account-reason");
        PageTitles.follow(this, "ui.no-account.page-title");
        var signOut = Localized.text(new Button(), "ui.header.sign-out");
        signOut.addClickListener(e -> authentication.logout());
        signOut.setId("no-account-sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(Localized.text(new H1(), "ui.brand"), reason, signOut);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ui.no-account.page-title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            accounts.currentAccount();
            // Linked meanwhile (an invitation, support): nothing to wait for.
            event.forwardTo("");
        } catch (InvalidRequestException notLinked) {
            reason.setText(notLinked.getLocalizedMessage());
        }
    }
}
