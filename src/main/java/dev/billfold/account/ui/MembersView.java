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
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.PageTitles;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Owners invite people by e-mail, change roles and remove members. Other roles see only a note. */
@Route("members")
@Menu(order = 5, title = "Members", icon = "vaadin:users")
@OwnersOnly
@PermitAll
class MembersView extends Div implements HasDynamicTitle, LocaleChangeObserver {


    private final MemberService members;
    private final AccountContext account;
    private final Div memberList = new Div();
    private final Div invitationList = new Div();
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Banner message = new Banner("members-message", "members-message");
    private final EmailField email = new EmailField();
    private final Select<Role> role = new Select<>();

    MembersView(MemberService members, AccountService accounts) {
        this.members = members;
        this.account = accounts.currentAccount();
        addClassName("members-view");
        PageTitles.follow(this, "account.members.page-title");
        add(Localized.text(new H2(), "account.members.title", account.accountName()));
        if (account.role() != Role.OWNER) {
            var note = new Paragraph();
            Localized.bind(note, note::setText, locale -> note.getTranslation(locale, "account.members.denied",
                    account.accountName(), note.getTranslation(locale, "account.role." + account.role().name())));
            note.setId("members-denied");
            add(note);
            return;
        }
        memberList.setId("member-list");
        memberList.addClassName("member-list");
        invitationList.setId("invitation-list");
        invitationList.addClassName("member-list");
        add(message, memberList, inviteForm(), Localized.text(new H3(), "account.members.pending-title"),
                invitationList);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.members.page-title");
    }

    /** The rows are drawn from data, so they are drawn again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        role.setItemLabelGenerator(this::describe);
        if (account.role() == Role.OWNER) {
            refresh();
        }
    }

    private Div inviteForm() {
        email.setId("invite-email");
        Localized.bind(email, email::setLabel, "account.members.email");
        Localized.bind(email, email::setPlaceholder, "account.members.email-placeholder");
        email.setMaxLength(TextLimits.EMAIL);
        email.setClearButtonVisible(true);
        email.addValueChangeListener(e -> email.setInvalid(false));
        role.setId("invite-role");
        Localized.bind(role, role::setLabel, "account.members.role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(this::describe);
        role.setValue(Role.VIEWER);
        var invite = Localized.text(new Button(), "account.members.invite");
        invite.addClickListener(e -> invite());
        invite.setId("invite");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new Div(Localized.text(new H3(), "account.members.invite-title"), email, role, invite);
        form.addClassName("invite-form");
        return form;
    }

    private void invite() {
        message.hide();
        try {
            InvitationSummary sent = members.invite(account.accountId(), email.getValue(), role.getValue());
            email.clear();
            message.show(getTranslation("account.members.invited", sent.email(), roleName(sent.role())),
                    Banner.SUCCESS);
            refresh();
        } catch (InvalidRequestException invalid) {
            if (invalid.field().equals("email")) {
                email.setErrorMessage(invalid.getLocalizedMessage());
                email.setInvalid(true);
            } else {
                message.show(invalid.getLocalizedMessage(), Banner.ERROR);
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
            invitationList.add(new Span(getTranslation("account.members.no-invitations")));
        }
        for (InvitationSummary invitation : pending) {
            invitationList.add(invitationRow(invitation));
        }
    }

    private Div memberRow(MemberSummary member) {
        String id = member.userId().value().toString();
        var name = new Span(member.isYou() ? getTranslation("account.members.you", member.displayName())
                : member.displayName());
        name.addClassName("member-name");
        var address = new Span(member.email() == null ? "" : member.email());
        address.addClassName("member-email");
        var roleSelect = new Select<Role>();
        roleSelect.setId("role-" + id);
        roleSelect.setAriaLabel(getTranslation("account.members.role-of", member.displayName()));
        roleSelect.setItems(Role.values());
        roleSelect.setItemLabelGenerator(this::roleName);
        roleSelect.setValue(member.role());
        roleSelect.addValueChangeListener(e -> {
            if (e.getValue() == null || e.getValue() == member.role()) {
                return;
            }
            act(() -> members.changeRole(account.accountId(), member.userId(), e.getValue()),
                    getTranslation("account.members.role-changed", member.displayName(), roleName(e.getValue())),
                    member.isYou());
        });
        var remove = new Button(getTranslation("account.members.remove"), e -> confirmRemoval(member));
        remove.setId("remove-" + id);
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        var row = new Div(name, address, roleSelect, remove);
        row.addClassName("member-row");
        return row;
    }

    private void confirmRemoval(MemberSummary member) {
        var dialog = new ConfirmDialog();
        dialog.setId("confirm-removal");
        dialog.setHeader(member.isYou() ? getTranslation("account.members.leave-title", account.accountName())
                : getTranslation("account.members.remove-title", member.displayName()));
        dialog.setText(member.isYou() ? getTranslation("account.members.leave-text", account.accountName())
                : getTranslation("account.members.remove-text", member.displayName(), account.accountName()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("account.cancel"));
        dialog.setConfirmText(getTranslation("account.members.remove"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> act(() -> members.removeMember(account.accountId(), member.userId()),
                getTranslation("account.members.removed", member.displayName()), member.isYou()));
        dialog.open();
    }

    private Div invitationRow(InvitationSummary invitation) {
        var address = new Span(invitation.email());
        address.addClassName("member-email");
        var details = new Span(getTranslation("account.members.invitation-details", roleName(invitation.role()),
                times.formatWithOffset(invitation.expiresAt(), Localized.localeOf(this))));
        var revoke = new Button(getTranslation("account.members.withdraw"),
                e -> act(() -> members.revokeInvitation(invitation.id()),
                        getTranslation("account.members.withdrawn", invitation.email()), false));
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
            message.show(refused.getLocalizedMessage(), Banner.ERROR);
        }
        refresh();
    }


    /** The role and what it may do, for the invitation's choice. */
    private String describe(Role role) {
        return getTranslation("account.role-scope." + role.name());
    }

    private String roleName(Role role) {
        return getTranslation("account.role." + role.name());
    }
}
