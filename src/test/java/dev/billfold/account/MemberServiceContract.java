package dev.billfold.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.billfold.SignedIn;
import dev.billfold.TestData.Customer;
import dev.billfold.TestData;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.security.UserId;
import dev.billfold.security.UserSignedIn;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members and invitations through the service, with mail switched on and a real SMTP server (GreenMail) receiving
 * what Billfold sends. Runs on H2 and on PostgreSQL.
 */
abstract class MemberServiceContract {

    private static final int SMTP_PORT = freePort();
    private static final Pattern LINK = Pattern.compile("http://portal\\.test/invitation/([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("billfold.mail.enabled", () -> "true");
        registry.add("billfold.mail.from", () -> "billing@provider.test");
        registry.add("billfold.mail.public-url", () -> "http://portal.test/");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MemberService members;
    @Autowired
    AccountService accounts;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @SignedIn
    Customer owner;

    @Test
    void an_invitation_mail_arrives_with_a_one_time_link_that_joins_the_invited_person_with_the_role() throws Exception {
        InvitationSummary sent = members.invite(owner.accountId(), "  Invitee@Example.COM ", Role.BILLING);

        assertThat(sent.email()).isEqualTo("invitee@example.com");
        MimeMessage mail = onlyMail();
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("invitee@example.com");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("billing@provider.test");
        assertThat(mail.getSubject()).isEqualTo("You are invited to Account " + owner.username() + " on Billfold");
        String body = (String) mail.getContent();
        assertThat(body.replaceAll("\\s+", " ")).contains("Test User invited you", "as Billing",
                "sign in with this e-mail address (invitee@example.com), verified by your sign-in provider.",
                "The link works for nobody else");
        String token = token(body);
        assertThat(jdbc.sql("select token_hash from invitation where id = ?").param(sent.id().value()).query(String.class).single())
                .as("only the hash is stored").isEqualTo(MemberService.hash(token)).doesNotContain(token);

        TestData.signInOidc(data.newOidcUser("invitee@example.com"), "INVITEE@example.com", true);
        AccountContext joined = members.acceptInvitation(token);

        assertThat(joined.accountId()).isEqualTo(owner.accountId());
        assertThat(joined.role()).isEqualTo(Role.BILLING);
        assertThat(accounts.currentAccount().accountId()).as("the joined account becomes current").isEqualTo(owner.accountId());
        assertThat(accounts.myAccounts()).extracting(AccountChoice::id).containsExactly(owner.accountId());

        assertThat(members.acceptInvitation(token).accountId()).as("the invitee's own used link takes them there again")
                .isEqualTo(owner.accountId());
        TestData.signInOidc(data.newOidcUser("invitee@example.com"), "invitee@example.com", true);
        assertThatThrownBy(() -> members.acceptInvitation(token)).as("used: not even the same address joins twice")
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("This invitation link is not valid any more");
        assertThat(memberRows(owner.accountId())).isEqualTo(2);
    }

    @Test
    void a_forwarded_link_is_refused_for_any_other_address_and_changes_nothing() throws Exception {
        members.invite(owner.accountId(), "jane.doe@example.com", Role.OWNER);
        String token = token((String) onlyMail().getContent());

        TestData.signInOidc(data.newOidcUser("mallory@example.com"), "mallory@example.com", true);
        assertThatThrownBy(() -> members.acceptInvitation(token))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("email"))
                .hasMessage("This invitation is for j***@example.com; sign in with that address.");
        Customer other = data.newCustomer("EUR");
        TestData.signIn(other.username());
        assertThatThrownBy(() -> members.acceptInvitation(token)).as("a demo (form) user's address is verified by nobody")
                .hasMessage("This invitation is for j***@example.com; sign in with that address.");

        assertThat(memberRows(owner.accountId())).isEqualTo(1);
        TestData.signIn(owner.username());
        assertThat(members.pendingInvitations(owner.accountId())).as("still pending for the invitee").hasSize(1);
        TestData.signInOidc(data.newOidcUser("jane.doe@example.com"), "Jane.Doe@example.com", true);
        assertThat(members.acceptInvitation(token).role()).isEqualTo(Role.OWNER);
    }

    @Test
    void the_invited_address_unverified_by_the_provider_is_refused_and_changes_nothing() throws Exception {
        members.invite(owner.accountId(), "unconfirmed@example.com", Role.BILLING);
        String token = token((String) onlyMail().getContent());
        TestData.OidcPerson person = data.newOidcUser("unconfirmed@example.com");

        TestData.signInOidc(person, "unconfirmed@example.com", false);
        assertThatThrownBy(() -> members.acceptInvitation(token)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("This invitation is for u***@example.com; sign in with that address. Your sign-in has not "
                        + "confirmed that the address is yours: verify it with your sign-in provider first.");
        Customer demoUser = data.newCustomer("EUR");
        TestData.signIn(owner.username());
        members.invite(owner.accountId(), demoUser.username() + "@example.com", Role.BILLING);
        String demoToken = token((String) smtp.getReceivedMessages()[1].getContent());
        TestData.signIn(demoUser.username());
        assertThatThrownBy(() -> members.acceptInvitation(demoToken)).as("a demo user's address is theirs by the operator's word only")
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("This invitation is for u***@example.com;");

        assertThat(memberRows(owner.accountId())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from invitation where account_id = ? and accepted_at is null")
                .param(owner.accountId().value()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void signing_in_with_the_invited_address_joins_every_pending_invitation_once() {
        members.invite(owner.accountId(), "someone@example.com", Role.VIEWER);
        Customer other = data.newCustomer("EUR");
        TestData.signIn(other.username());
        members.invite(other.accountId(), "someone@example.com", Role.OWNER);
        UserId newcomer = newUser("someone@example.com");
        TestData.signOut();

        assertThat(members.acceptInvitationsFor(newcomer, "SomeOne@example.com")).isEqualTo(2);
        assertThat(members.acceptInvitationsFor(newcomer, "someone@example.com")).as("used up").isZero();

        assertThat(role(owner.accountId(), newcomer)).isEqualTo("VIEWER");
        assertThat(role(other.accountId(), newcomer)).isEqualTo("OWNER");
    }

    @Test
    void an_oidc_sign_in_with_the_verified_invited_address_joins_but_an_unverified_one_does_not() {
        members.invite(owner.accountId(), "verified@example.com", Role.BILLING);
        members.invite(owner.accountId(), "unverified@example.com", Role.BILLING);
        UserId verified = newUser("verified@example.com");
        UserId unverified = newUser("unverified@example.com");
        TestData.signOut();

        transactions.executeWithoutResult(status -> {
            events.publishEvent(new UserSignedIn(verified, "Verified@Example.com", true, null));
            events.publishEvent(new UserSignedIn(unverified, "unverified@example.com", false, null));
        });

        assertThat(role(owner.accountId(), verified)).isEqualTo("BILLING");
        assertThat(jdbc.sql("select count(*) from account_member where account_id = ? and user_id = ?")
                .params(owner.accountId().value(), unverified.value()).query(Integer.class).single()).isZero();
    }

    @Test
    void the_link_that_led_through_a_sign_in_which_already_joined_answers_with_the_joined_account() throws Exception {
        members.invite(owner.accountId(), "newcomer@example.com", Role.VIEWER);
        String token = token((String) onlyMail().getContent());
        TestData.OidcPerson newcomer = data.newOidcUser("newcomer@example.com");
        transactions.executeWithoutResult(status ->
                events.publishEvent(new UserSignedIn(newcomer.userId(), "newcomer@example.com", true, null)));

        TestData.signInOidc(newcomer, "newcomer@example.com", true);
        AccountContext joined = members.acceptInvitation(token);

        assertThat(joined.accountId()).isEqualTo(owner.accountId());
        assertThat(joined.role()).isEqualTo(Role.VIEWER);
        assertThat(memberRows(owner.accountId())).isEqualTo(2);
    }

    @Test
    void an_expired_invitation_is_refused_and_changes_nothing() {
        String token = "expired-token-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into invitation (id, account_id, email, role, token_hash, invited_by, created_at, expires_at, version)
                        values (?, ?, 'late@example.com', 'VIEWER', ?, ?, ?, ?, 0)""")
                .params(UUID.randomUUID(), owner.accountId().value(), MemberService.hash(token), owner.userId().value(),
                        OffsetDateTime.now(ZoneOffset.UTC).minusDays(8), OffsetDateTime.now(ZoneOffset.UTC).minusDays(1))
                .update();
        Customer late = data.newCustomer("EUR");
        TestData.signIn(late.username());

        assertThatThrownBy(() -> members.acceptInvitation(token)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("has expired");
        assertThat(members.acceptInvitationsFor(late.userId(), "late@example.com")).isZero();
        assertThat(memberRows(owner.accountId())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from invitation where account_id = ? and accepted_at is not null")
                .param(owner.accountId().value()).query(Integer.class).single()).isZero();
    }

    @Test
    void a_new_invitation_to_the_same_address_replaces_the_pending_one() throws Exception {
        members.invite(owner.accountId(), "twice@example.com", Role.VIEWER);
        members.invite(owner.accountId(), "twice@example.com", Role.BILLING);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(members.pendingInvitations(owner.accountId())).singleElement()
                .satisfies(i -> assertThat(i.role()).isEqualTo(Role.BILLING));
        TestData.signInOidc(data.newOidcUser("twice@example.com"), "twice@example.com", true);
        assertThatThrownBy(() -> members.acceptInvitation(token((String) mails[0].getContent())))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(members.acceptInvitation(token((String) mails[1].getContent())).role()).isEqualTo(Role.BILLING);
    }

    @Test
    void a_bad_address_gets_a_message_on_the_field_and_nothing_is_stored_or_sent() {
        for (String bad : new String[] {"", "   ", "not-an-email", "a@b", "two@@example.com", "x@example.com y"}) {
            assertThatThrownBy(() -> members.invite(owner.accountId(), bad, Role.VIEWER))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("email"))
                    .hasMessageMatching("Enter the e-mail address.*|That does not look like an e-mail address.*");
        }
        assertThat(invitationRows(owner.accountId())).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void an_address_longer_than_its_column_is_refused_with_the_limit_and_nothing_is_stored_or_sent() {
        String tooLong = "a".repeat(64) + "@" + "b".repeat(TextLimits.EMAIL - 64 - 4) + ".com";

        assertThatThrownBy(() -> members.invite(owner.accountId(), tooLong, Role.VIEWER))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("email"))
                .hasMessage("An e-mail address has at most 320 characters.");
        assertThat(invitationRows(owner.accountId())).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void inviting_an_existing_member_is_refused() {
        assertThatThrownBy(() -> members.invite(owner.accountId(), owner.username() + "@example.com", Role.VIEWER))
                .isInstanceOf(InvalidRequestException.class).hasMessageEndingWith("is already a member of this account.");
        assertThat(invitationRows(owner.accountId())).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void when_the_mail_cannot_be_sent_the_invitation_is_withdrawn_and_the_owner_told() {
        smtp.stop();

        assertThatThrownBy(() -> members.invite(owner.accountId(), "unlucky@example.com", Role.VIEWER))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The invitation mail could not be sent, so no invitation was made. Please try again later.");
        assertThat(invitationRows(owner.accountId())).isZero();
    }

    @Test
    void the_last_owner_can_be_neither_removed_nor_demoted_but_a_second_owner_makes_both_possible() {
        assertThatThrownBy(() -> members.removeMember(owner.accountId(), owner.userId()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The last owner cannot be removed. Make someone else an owner first.");
        assertThatThrownBy(() -> members.changeRole(owner.accountId(), owner.userId(), Role.VIEWER))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("An account needs at least one owner. Make someone else an owner first.");
        assertThat(role(owner.accountId(), owner.userId())).isEqualTo("OWNER");

        UserId second = userOf(data.addMember(owner.accountId(), "VIEWER"));
        members.changeRole(owner.accountId(), second, Role.OWNER);
        members.changeRole(owner.accountId(), owner.userId(), Role.BILLING);

        assertThat(role(owner.accountId(), owner.userId())).isEqualTo("BILLING");
        assertThat(role(owner.accountId(), second)).isEqualTo("OWNER");
    }

    @Test
    void an_owner_removes_a_member_who_then_falls_back_to_their_own_account() {
        Customer member = data.newCustomer("EUR");
        jdbc.sql("insert into account_member (account_id, user_id, role) values (?, ?, 'BILLING')")
                .params(owner.accountId().value(), member.userId().value()).update();
        TestData.signIn(member.username());
        accounts.switchTo(owner.accountId());
        assertThat(accounts.currentAccount().accountId()).isEqualTo(owner.accountId());

        TestData.signIn(owner.username());
        members.removeMember(owner.accountId(), member.userId());

        TestData.signIn(member.username());
        assertThat(accounts.currentAccount().accountId()).isEqualTo(member.accountId());
        assertThat(accounts.myAccounts()).extracting(AccountChoice::id).containsExactly(member.accountId());
    }

    @Test
    void billing_and_viewer_members_cannot_manage_members() {
        String billing = data.addMember(owner.accountId(), "BILLING");
        String viewer = data.addMember(owner.accountId(), "VIEWER");
        for (String username : new String[] {billing, viewer}) {
            TestData.signIn(username);
            assertThatThrownBy(() -> members.invite(owner.accountId(), "friend@example.com", Role.OWNER))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("You do not have access to that account.");
            assertThatThrownBy(() -> members.changeRole(owner.accountId(), userOf(username), Role.OWNER))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("You do not have access to that account.");
            assertThatThrownBy(() -> members.removeMember(owner.accountId(), owner.userId()))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("You do not have access to that account.");
            assertThatThrownBy(() -> members.members(owner.accountId())).isInstanceOf(InvalidRequestException.class);
        }
        assertThat(role(owner.accountId(), userOf(billing))).isEqualTo("BILLING");
        assertThat(role(owner.accountId(), userOf(viewer))).isEqualTo("VIEWER");
        assertThat(memberRows(owner.accountId())).isEqualTo(3);
        assertThat(invitationRows(owner.accountId())).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void invitations_roles_and_removals_are_in_the_audit_trail_in_order_and_a_refused_change_records_nothing()
            throws Exception {
        InvitationSummary revoked = members.invite(owner.accountId(), "second@example.com", Role.VIEWER);
        members.revokeInvitation(revoked.id());
        members.invite(owner.accountId(), "invitee@example.com", Role.VIEWER);
        String token = token((String) smtp.getReceivedMessages()[1].getContent());
        TestData.OidcPerson invitee = data.newOidcUser("invitee@example.com");
        TestData.signInOidc(invitee, "invitee@example.com", true);
        members.acceptInvitation(token);

        TestData.signIn(owner.username());
        members.changeRole(owner.accountId(), invitee.userId(), Role.BILLING);
        members.changeRole(owner.accountId(), invitee.userId(), Role.BILLING);
        members.removeMember(owner.accountId(), invitee.userId());

        assertThat(trail(owner.accountId())).containsExactly(
                "account.invitation.sent  ", "account.invitation.revoked  ", "account.invitation.sent  ",
                "account.invitation.accepted  Viewer", "account.member.role-changed Viewer Billing",
                "account.member.removed Billing ");

        String billing = data.addMember(owner.accountId(), "BILLING");
        TestData.signIn(billing);
        assertThatThrownBy(() -> members.changeRole(owner.accountId(), owner.userId(), Role.VIEWER))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(trail(owner.accountId())).as("a refused change leaves no entry").hasSize(6);
    }

    @Test
    void an_invitation_whose_mail_failed_is_in_the_trail_as_sent_and_withdrawn() {
        smtp.stop();
        assertThatThrownBy(() -> members.invite(owner.accountId(), "unlucky@example.com", Role.VIEWER))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(trail(owner.accountId())).containsExactly("account.invitation.sent  ",
                "account.invitation.withdrawn  ");
    }

    /** The account's audit entries, oldest first, as "action before after". */
    private java.util.List<String> trail(AccountId account) {
        return jdbc.sql("""
                        select action, coalesce(before_state, '') as b, coalesce(after_state, '') as a
                          from audit_entry where account_id = ? order by seq""").param(account.value())
                .query((rs, n) -> rs.getString("action") + " " + rs.getString("b") + " " + rs.getString("a")).list();
    }

    private MimeMessage onlyMail() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String token(String body) {
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("the mail carries the invitation link: %s", body).isTrue();
        return link.group(1);
    }

    private UserId newUser(String email) {
        var id = new UserId(UUID.randomUUID());
        jdbc.sql("insert into app_user (id, username, display_name, email, version) values (?, ?, 'New', ?, 0)")
                .params(id.value(), "new-" + id.value(), email).update();
        return id;
    }

    private UserId userOf(String username) {
        return new UserId(jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single());
    }

    private String role(AccountId account, UserId user) {
        return jdbc.sql("select role from account_member where account_id = ? and user_id = ?")
                .params(account.value(), user.value()).query(String.class).single();
    }

    private int memberRows(AccountId account) {
        return jdbc.sql("select count(*) from account_member where account_id = ?").param(account.value()).query(Integer.class).single();
    }

    private int invitationRows(AccountId account) {
        return jdbc.sql("select count(*) from invitation where account_id = ?").param(account.value()).query(Integer.class).single();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
