package dev.billfold.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.account.AccountContext;
import dev.billfold.account.MemberService;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.base.ui.PageTitles;
import jakarta.annotation.security.PermitAll;

/**
 * The link in an invitation mail. Signed-in users join at once; others sign in first and come back here. Outside the
 * main layout, and open to users without any account: an invitee may not belong to one yet. Someone signed in with
 * another address than the invited one is told which one to use and may sign out to switch.
 */
@Route(value = MemberService.INVITATION_ROUTE + "/:token", autoLayout = false)
@PermitAll
@NoAccountNeeded
class InvitationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final MemberService members;
    private final Paragraph outcome = new Paragraph();
    private final Button signOut;

    InvitationView(MemberService members, AuthenticationContext authentication) {
        this.members = members;
        addClassName("invitation-view");
        outcome.setId("invitation-outcome");
        PageTitles.follow(this, "account.invitation.page-title");
        var home = Localized.text(new Anchor(), "account.invitation.home");
        home.setHref("");
        home.setId("invitation-home");
        signOut = Localized.text(new Button(), "ui.header.sign-out");
        signOut.addClickListener(e -> authentication.logout());
        signOut.setId("invitation-sign-out");
        signOut.setVisible(false);
        add(Localized.text(new H2(), "account.invitation.title"), outcome, home, signOut);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.invitation.page-title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        try {
            AccountContext joined = members.acceptInvitation(token);
            outcome.setText(getTranslation("account.invitation.joined", joined.accountName(),
                    getTranslation("account.role." + joined.role().name())));
            outcome.getElement().setAttribute("data-kind", "success");
        } catch (InvalidRequestException invalid) {
            outcome.setText(invalid.getLocalizedMessage());
            outcome.getElement().setAttribute("data-kind", "error");
            // refused for the address: signing in with the invited one is the way on
            signOut.setVisible("email".equals(invalid.field()));
        }
    }
}
