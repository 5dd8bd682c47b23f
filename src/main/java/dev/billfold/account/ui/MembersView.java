package dev.billfold.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.account.AccountContext;
import dev.billfold.account.AccountService;
import dev.billfold.account.InvitationSummary;
import dev.billfold.account.MemberService;
import dev.billfold.account.MemberSummary;
import dev.billfold.account.Role;
import dev.billfold.account.TextLimits;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Owners invite people by e-mail, change roles and remove members. Other roles see only a note. */
@Route("members")
@PageTitle("Members · Billfold")
@Menu(order = 5, title = "Members", icon = "vaadin:users")
@OwnersOnly
@PermitAll
class MembersView extends Div {


    private final MemberService members;
    private final AccountContext account;
    private final Div memberList = new Div();
    private final Div invitationList = new Div();
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Banner message = new Banner("members-message", "members-message");
    private final EmailField email = new EmailField("E-mail address");
    private final Select<Role> role = new Select<>();

    MembersView(MemberService members, AccountService accounts) {
        this.members = members;
        this.account = accounts.currentAccount();
        addClassName("members-view");
        add(new H2("Members of " + account.accountName()));
        if (account.role() != Role.OWNER) {
            var note = new Paragraph("Only the owners of %s can see and manage its members. Your role here is %s."
                    .formatted(account.accountName(), account.role().label()));
            note.setId("members-denied");
            add(note);
            return;
        }
        memberList.setId("member-list");
        memberList.addClassName("member-list");
        invitationList.setId("invitation-list");
        invitationList.addClassName("member-list");
        add(message, memberList, inviteForm(), new H3("Pending invitations"), invitationList);
        refresh();
    }

    private Div inviteForm() {
        email.setId("invite-email");
        email.setPlaceholder("name@example.com");
        email.setMaxLength(TextLimits.EMAIL);
        email.setClearButtonVisible(true);
        email.addValueChangeListener(e -> email.setInvalid(false));
        role.setId("invite-role");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(MembersView::describe);
        role.setValue(Role.VIEWER);
        var invite = new Button("Send invitation", e -> invite());
        invite.setId("invite");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new Div(new H3("Invite someone"), email, role, invite);
        form.addClassName("invite-form");
        return form;
    }

    private void invite() {
        message.hide();
        try {
            InvitationSummary sent = members.invite(account.accountId(), email.getValue(), role.getValue());
            email.clear();
            message.show("Invitation sent to %s as %s.".formatted(sent.email(), sent.role().label()), Banner.SUCCESS);
            refresh();
        } catch (InvalidRequestException invalid) {
            if (invalid.field().equals("email")) {
                email.setErrorMessage(invalid.getMessage());
                email.setInvalid(true);
            } else {
                message.show(invalid.getMessage(), Banner.ERROR);
            }
        }
    }

    private void refresh() {
        memberList.removeAll();
        List<MemberSummary> all = members.members(account.accountId());
        for (MemberSummary member : all) {
            memberList.add(memberRow(member));
        }
        invitationList.removeAll();
        List<InvitationSummary> pending = members.pendingInvitations(account.accountId());
        if (pending.isEmpty()) {
            invitationList.add(new Span("None."));
        }
        for (InvitationSummary invitation : pending) {
            invitationList.add(invitationRow(invitation));
        }
    }

    private Div memberRow(MemberSummary member) {
        String id = member.userId().value().toString();
        var name = new Span(member.displayName() + (member.isYou() ? " (you)" : ""));
        name.addClassName("member-name");
        var address = new Span(member.email() == null ? "" : member.email());
        address.addClassName("member-email");
        var roleSelect = new Select<Role>();
        roleSelect.setId("role-" + id);
        roleSelect.setAriaLabel("Role of " + member.displayName());
        roleSelect.setItems(Role.values());
        roleSelect.setItemLabelGenerator(Role::label);
        roleSelect.setValue(member.role());
        roleSelect.addValueChangeListener(e -> {
            if (e.getValue() == null || e.getValue() == member.role()) {
                return;
            }
            act(() -> members.changeRole(account.accountId(), member.userId(), e.getValue()),
                    "%s is now %s.".formatted(member.displayName(), e.getValue().label()), member.isYou());
        });
        var remove = new Button("Remove", e -> confirmRemoval(member));
        remove.setId("remove-" + id);
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        var row = new Div(name, address, roleSelect, remove);
        row.addClassName("member-row");
        return row;
    }

    private void confirmRemoval(MemberSummary member) {
        var dialog = new ConfirmDialog();
        dialog.setId("confirm-removal");
        dialog.setHeader(member.isYou() ? "Leave %s?".formatted(account.accountName())
                : "Remove %s?".formatted(member.displayName()));
        dialog.setText((member.isYou() ? "You" : member.displayName())
                + " will no longer see or pay for %s. An owner can invite them again later."
                        .formatted(account.accountName()));
        dialog.setCancelable(true);
        dialog.setConfirmText("Remove");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> act(() -> members.removeMember(account.accountId(), member.userId()),
                "%s was removed from the account.".formatted(member.displayName()), member.isYou()));
        dialog.open();
    }

    private Div invitationRow(InvitationSummary invitation) {
        var address = new Span(invitation.email());
        address.addClassName("member-email");
        var details = new Span(invitation.role().label() + " · expires "
                + times.formatWithOffset(invitation.expiresAt()));
        var revoke = new Button("Withdraw", e -> act(() -> members.revokeInvitation(invitation.id()),
                "The invitation to %s was withdrawn.".formatted(invitation.email()), false));
        revoke.setId("revoke-" + invitation.id().value());
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var row = new Div(address, details, revoke);
        row.addClassName("member-row");
        return row;
    }

    /** Runs a change; the lists are drawn again either way, so a refused change shows the unchanged state. */
    private void act(Runnable change, String done, boolean aboutYou) {
        message.hide();
        try {
            change.run();
            if (aboutYou) {
                // Your own role or membership changed: the whole page, menu included, must follow.
                UI.getCurrent().refreshCurrentRoute(true);
                return;
            }
            message.show(done, Banner.SUCCESS);
        } catch (InvalidRequestException refused) {
            message.show(refused.getMessage(), Banner.ERROR);
        }
        refresh();
    }


    private static String describe(Role role) {
        return switch (role) {
            case OWNER -> "Owner: everything, including payers and members";
            case BILLING -> "Billing: top up, renew, payment methods";
            case VIEWER -> "Viewer: read only";
        };
    }
}
