package dev.billfold.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.account.AccountContext;
import dev.billfold.account.MemberService;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.NoAccountNeeded;
import jakarta.annotation.security.PermitAll;

/**
 * The link in an invitation mail. Signed-in users join at once; others sign in first and come back here. Outside the
 * main layout, and open to users without any account: an invitee may not belong to one yet. Someone signed in with
 * another address than the invited one is told which one to use and may sign out to switch.
 */
@Route(value = MemberService.INVITATION_ROUTE + "/:token", autoLayout = false)
@PageTitle("Invitation · Billfold")
@PermitAll
@NoAccountNeeded
class InvitationView extends Div implements BeforeEnterObserver {

    private final MemberService members;
    private final Paragraph outcome = new Paragraph();
    private final Button signOut;

    InvitationView(MemberService members, AuthenticationContext authentication) {
        this.members = members;
        addClassName("invitation-view");
        outcome.setId("invitation-outcome");
        var home = new Anchor("", "Go to the portal");
        home.setId("invitation-home");
        signOut = new Button("Sign out", e -> authentication.logout());
        signOut.setId("invitation-sign-out");
        signOut.setVisible(false);
        add(new H2("Invitation"), outcome, home, signOut);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        try {
            AccountContext joined = members.acceptInvitation(token);
            outcome.setText("You joined %s as %s. It is now your current account."
                    .formatted(joined.accountName(), joined.role().label()));
            outcome.getElement().setAttribute("data-kind", "success");
        } catch (InvalidRequestException invalid) {
            outcome.setText(invalid.getMessage());
            outcome.getElement().setAttribute("data-kind", "error");
            // refused for the address: signing in with the invited one is the way on
            signOut.setVisible("email".equals(invalid.field()));
        }
    }
}
