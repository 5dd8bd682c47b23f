package dev.billfold.account.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.MemberService;
import dev.billfold.account.Role;
import dev.billfold.payment.ui.PaymentViews;
import dev.billfold.ratelimit.RateLimitProperties;
import dev.billfold.ui.KaribuTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The members page and what each role sees: Owner, Billing and Viewer. Mail is logged here (the embedded default). */
class MembersViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberService memberService;
    @Autowired
    RateLimitProperties limits;

    Customer owner;

    @BeforeEach
    void owner() {
        owner = data.newCustomer("USD");
    }

    @Test
    void an_owner_invites_by_email_and_the_invitation_is_listed_as_pending() {
        openMembers(owner.username());

        _setValue(email(), "new.colleague@example.com");
        _setValue(inviteRole(), Role.BILLING);
        _click(_get(Button.class, spec -> spec.withId("invite")));

        assertThat(message()).isEqualTo("Invitation sent to new.colleague@example.com as Billing.");
        assertThat(email().getValue()).isEmpty();
        assertThat(_get(Div.class, spec -> spec.withId("invitation-list")).getElement().getTextRecursively())
                .contains("new.colleague@example.com", "Billing · expires");
        assertThat(invitations()).isEqualTo(1);
    }

    @Test
    void a_bad_email_shows_the_message_on_the_field_and_invites_nobody() {
        openMembers(owner.username());

        _setValue(email(), "new.colleague@example");
        _click(_get(Button.class, spec -> spec.withId("invite")));

        assertThat(email().isInvalid()).isTrue();
        assertThat(email().getErrorMessage())
                .isEqualTo("That does not look like an e-mail address. Check it and try again (for example, name@example.com).");
        assertThat(invitations()).isZero();
        assertThat(_get(Div.class, spec -> spec.withId("invitation-list")).getElement().getTextRecursively()).isEqualTo("None.");
    }

    @Test
    void an_owner_changes_a_role_and_removes_a_member() {
        String member = data.addMember(owner.accountId(), "VIEWER");
        UUID memberId = userOf(member);
        openMembers(owner.username());

        _setValue(roleOf(memberId), Role.BILLING);
        assertThat(message()).isEqualTo("Member is now Billing.");
        assertThat(roleInDatabase(memberId)).isEqualTo("BILLING");
        assertThat(roleOf(memberId).getValue()).isEqualTo(Role.BILLING);

        _click(_get(Button.class, spec -> spec.withId("remove-" + memberId)));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-removal"));
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Remove Member?");
        _fireCancel(confirm);
        assertThat(members()).as("cancelled: nothing happened").isEqualTo(2);

        _click(_get(Button.class, spec -> spec.withId("remove-" + memberId)));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-removal")));
        assertThat(message()).isEqualTo("Member was removed from the account.");
        assertThat(_find(Select.class, spec -> spec.withId("role-" + memberId))).isEmpty();
        assertThat(members()).isEqualTo(1);
    }

    @Test
    void the_last_owner_is_protected_from_removal_and_demotion() {
        openMembers(owner.username());
        UUID you = owner.userId().value();

        _click(_get(Button.class, spec -> spec.withId("remove-" + you)));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-removal")));
        assertThat(message()).isEqualTo("The last owner cannot be removed. Make someone else an owner first.");

        _setValue(roleOf(you), Role.VIEWER);
        assertThat(message()).isEqualTo("An account needs at least one owner. Make someone else an owner first.");
        assertThat(roleOf(you).getValue()).as("the list shows the unchanged role").isEqualTo(Role.OWNER);
        assertThat(roleInDatabase(you)).isEqualTo("OWNER");
        assertThat(members()).isEqualTo(1);
    }

    @Test
    void an_owner_sees_the_top_up_form_and_the_members_link() {
        signIn(owner.username());
        UI.getCurrent().navigate(PaymentViews.TOP_UP);

        assertThat(menu()).containsExactly("Top up", "Payment history", "Activity", "Payment methods", "Payers",
                "Powers of attorney", "Members");
        assertThat(_find(Button.class, spec -> spec.withId("pay"))).hasSize(1);
        assertThat(_find(Paragraph.class, spec -> spec.withId("read-only-note"))).isEmpty();
    }

    @Test
    void a_billing_member_sees_the_top_up_form_but_not_the_members_page() {
        String billing = data.addMember(owner.accountId(), "BILLING");
        signIn(billing);
        UI.getCurrent().navigate(PaymentViews.TOP_UP);

        assertThat(menu()).containsExactly("Top up", "Payment history", "Activity", "Payment methods", "Payers",
                "Powers of attorney");
        assertThat(_get(Button.class, spec -> spec.withId("pay")).isEnabled()).isTrue();

        UI.getCurrent().navigate(MembersView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("members-denied")).getText())
                .endsWith("Your role here is Billing.");
        assertThat(_find(EmailField.class)).isEmpty();
    }

    @Test
    void a_viewer_sees_the_balance_and_why_there_is_no_top_up_form() {
        String viewer = data.addMember(owner.accountId(), "VIEWER");
        signIn(viewer);
        UI.getCurrent().navigate(PaymentViews.TOP_UP);

        assertThat(menu()).containsExactly("Top up", "Payment history", "Activity", "Payment methods", "Payers",
                "Powers of attorney");
        assertThat(_find(Button.class, spec -> spec.withId("pay"))).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("read-only-note")).getText())
                .contains("Your role here is Viewer: only owners and billing members can top up.");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("balance")).getText()).isEqualTo("$0.00");

        UI.getCurrent().navigate(MembersView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("members-denied")).getText()).endsWith("Your role here is Viewer.");
    }

    @Test
    void a_newcomer_without_any_account_opens_the_link_and_joins_with_the_role_once() throws Exception {
        String token = invitation("guest@example.com", "BILLING");
        TestData.OidcPerson guest = data.newOidcUser("guest@example.com");
        signInOidc(guest, "Guest@Example.com", true);

        UI.getCurrent().navigate("invitation/" + token);
        NavigatorKt.expectView(InvitationView.class);
        assertThat(outcome().getText())
                .isEqualTo("You joined Account %s as Billing. It is now your current account.".formatted(owner.username()));
        assertThat(roleInDatabase(guest.userId().value())).isEqualTo("BILLING");
        assertThat(_find(Button.class, spec -> spec.withId("invitation-sign-out"))).as("hidden").isEmpty();

        newRequest();
        UI.getCurrent().navigate(PaymentViews.TOP_UP);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("account-name")).getText())
                .as("their one account, in the header").isEqualTo("Account " + owner.username());

        signInOidc(data.newOidcUser("guest@example.com"), "guest@example.com", true);
        UI.getCurrent().navigate("invitation/" + token);
        assertThat(outcome().getText()).startsWith("This invitation link is not valid any more");
        assertThat(members()).isEqualTo(2);
    }

    @Test
    void someone_signed_in_with_another_address_is_told_which_one_may_sign_out_and_joins_nothing() throws Exception {
        String token = invitation("jane@example.com", "OWNER");
        signInOidc(data.newOidcUser("mallory@example.com"), "mallory@example.com", true);

        UI.getCurrent().navigate("invitation/" + token);
        NavigatorKt.expectView(InvitationView.class);
        assertThat(outcome().getText()).isEqualTo("This invitation is for j***@example.com; sign in with that address.");
        assertThat(outcome().getElement().getAttribute("data-kind")).isEqualTo("error");
        assertThat(_get(Button.class, spec -> spec.withId("invitation-sign-out")).isVisible()).isTrue();
        assertThat(members()).isEqualTo(1);
    }

    /** A pending invitation of the owner's account, as the mail would carry it; returns its token. */
    private String invitation(String email, String role) throws Exception {
        String token = "link-token-" + UUID.randomUUID();
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("""
                        insert into invitation (id, account_id, email, role, token_hash, invited_by, created_at, expires_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(UUID.randomUUID(), owner.accountId().value(), email, role, java.util.HexFormat.of().formatHex(
                                java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                        owner.userId().value(), now, now.plusDays(7))
                .update();
        return token;
    }

    private static Paragraph outcome() {
        return _get(Paragraph.class, spec -> spec.withId("invitation-outcome"));
    }

    @Test
    void an_invitation_past_the_rate_limit_shows_the_message_and_invites_nobody() {
        openMembers(owner.username());
        int capacity = limits.limit("invitation-per-user").capacity();
        for (int i = 0; i < capacity; i++) {
            memberService.invite(owner.accountId(), "colleague-" + i + "@example.com", Role.VIEWER);
        }

        _setValue(email(), "one.more@example.com");
        _click(_get(Button.class, spec -> spec.withId("invite")));

        assertThat(message()).startsWith("You have sent many invitations in a short time, so this one was not sent. "
                + "Please try again in ");
        assertThat(email().isInvalid()).isFalse();
        assertThat(invitations()).isEqualTo(capacity);
    }

    private void openMembers(String username) {
        signIn(username);
        UI.getCurrent().navigate(MembersView.class);
        NavigatorKt.expectView(MembersView.class);
    }

    private static List<String> menu() {
        return _find(Anchor.class, spec -> spec.withClasses("drawer-link")).stream()
                .map(link -> link.getElement().getProperty("innerHTML").replaceAll(".*<span>(.*)</span>.*", "$1")).toList();
    }

    private static EmailField email() {
        return _get(EmailField.class, spec -> spec.withId("invite-email"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Role> inviteRole() {
        return _get(Select.class, spec -> spec.withId("invite-role"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Role> roleOf(UUID userId) {
        return _get(Select.class, spec -> spec.withId("role-" + userId));
    }

    private static String message() {
        return _get(Div.class, spec -> spec.withId("members-message")).getText();
    }

    private UUID userOf(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }

    private String roleInDatabase(UUID userId) {
        return jdbc.sql("select role from account_member where account_id = ? and user_id = ?")
                .params(owner.accountId().value(), userId).query(String.class).single();
    }

    private int members() {
        return jdbc.sql("select count(*) from account_member where account_id = ?").param(owner.accountId().value())
                .query(Integer.class).single();
    }

    private int invitations() {
        return jdbc.sql("select count(*) from invitation where account_id = ?").param(owner.accountId().value())
                .query(Integer.class).single();
    }
}
