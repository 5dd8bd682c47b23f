package dev.billfold.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.account.AccountContext;
import dev.billfold.account.MemberService;
import dev.billfold.account.Role;
import dev.billfold.apikey.ApiKeyDraft;
import dev.billfold.apikey.ApiKeys;
import dev.billfold.apikey.CreatedApiKey;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.security.ApiScope;
import dev.billfold.staff.StaffRole;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Members invited by e-mail through the integration API (issue 17, DD-079), with mail switched on and a real SMTP
 * server (GreenMail): the same mail and one-time link as the Members page sends, which joins the invited person with
 * the role at their sign-in; pending invitations listed and withdrawn; bad input refused, with nothing written or
 * mailed.
 */
abstract class ApiInvitationsContract {

    private static final int SMTP_PORT = freePort();
    private static final Pattern LINK = Pattern.compile("http://portal\\.test/invitation/([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("billfold.mail.enabled", () -> "true");
        registry.add("billfold.mail.from", () -> "billing@provider.test");
        registry.add("billfold.mail.public-url", () -> "http://portal.test/");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberService members;
    @Autowired
    MutableClock clock;

    ApiHttp api;
    CreatedApiKey writerKey;
    String writer;
    String reader;
    String account;
    String accountName;

    @BeforeEach
    void keysAndAnAccount() {
        api = new ApiHttp(port);
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.ADMIN));
        try {
            writerKey = keys.create(new ApiKeyDraft("Provisioning " + UUID.randomUUID(),
                    EnumSet.allOf(ApiScope.class), null));
            writer = writerKey.secret();
            reader = keys.create(new ApiKeyDraft("Reader " + UUID.randomUUID(), Set.of(ApiScope.READ), null)).secret();
        } finally {
            TestData.signOut();
        }
        accountName = "Morgan Web " + UUID.randomUUID();
        var created = api.post(writer, "/api/v1/accounts", "{\"name\":\"" + accountName + "\",\"currency\":\"USD\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        account = created.json().path("id").asString();
    }

    @AfterEach
    void signedOut() {
        TestData.signOut();
    }

    @Test
    void an_invitation_mails_the_members_pages_link_which_joins_the_invited_person_with_the_role() throws Exception {
        String address = "alex-" + UUID.randomUUID() + "@example.com";
        var sent = api.post(writer, invitations(), "{\"email\":\"  " + address.toUpperCase() + " \",\"role\":\"OWNER\"}",
                UUID.randomUUID().toString());
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode invitation = sent.json();
        assertThat(invitation.path("email").asString()).isEqualTo(address);
        assertThat(invitation.path("role").asString()).isEqualTo("OWNER");
        assertThat(invitation.path("expiresAt").asString()).endsWith("Z");
        assertThat(sent.header("Location")).isEqualTo(invitations() + "/" + invitation.path("id").asString());

        MimeMessage mail = mailTo(address);
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("billing@provider.test");
        assertThat(mail.getSubject()).isEqualTo("You are invited to " + accountName + " on Billfold");
        String body = ((String) mail.getContent()).replaceAll("\\s+", " ");
        assertThat(body).contains("The billing team invited you", "as Owner",
                "sign in with this e-mail address (" + address + "), verified by your sign-in provider.");
        assertThat(body).doesNotContain(writerKey.key().name());
        JsonNode pending = api.get(reader, invitations()).json().path("items");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("email").asString()).isEqualTo(address);

        TestData.OidcPerson person = data.newOidcUser(address);
        TestData.signInOidc(person, address, true);
        AccountContext joined = members.acceptInvitation(token(mail));
        TestData.signOut();
        assertThat(joined.accountId().value().toString()).isEqualTo(account);
        assertThat(joined.role()).isEqualTo(Role.OWNER);
        JsonNode listed = api.get(reader, "/api/v1/accounts/" + account + "/members").json().path("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("userId").asString()).isEqualTo(person.userId().value().toString());
        assertThat(listed.get(0).path("role").asString()).isEqualTo("OWNER");
        assertThat(api.get(reader, invitations()).json().path("items")).as("used: no longer pending").isEmpty();

        Map<String, Object> audit = jdbc.sql("""
                        select actor_kind, actor_name from audit_entry
                        where account_id = ? and action = 'account.invitation.sent'""")
                .param(UUID.fromString(account)).query().singleRow();
        assertThat(audit).containsEntry("actor_kind", "API").containsEntry("actor_name", writerKey.key().name());
    }

    @Test
    void a_replayed_invitation_is_one_invitation_and_one_mail() throws Exception {
        String address = "once-" + UUID.randomUUID() + "@example.com";
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"" + address + "\",\"role\":\"BILLING\"}";
        var first = api.post(writer, invitations(), body, key);
        var again = api.post(writer, invitations(), body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        mailTo(address);
        assertThat(mailsTo(address)).isEqualTo(1);
        assertThat(invitationRows()).isEqualTo(1);
    }

    @Test
    void a_withdrawn_invitation_is_no_longer_listed_and_its_link_lets_nobody_in() throws Exception {
        String address = "withdrawn-" + UUID.randomUUID() + "@example.com";
        String id = api.post(writer, invitations(), "{\"email\":\"" + address + "\",\"role\":\"VIEWER\"}").json()
                .path("id").asString();
        String token = token(mailTo(address));

        String other = api.post(writer, "/api/v1/accounts", "{\"name\":\"Other\",\"currency\":\"USD\"}").json()
                .path("id").asString();
        assertThat(api.delete(writer, "/api/v1/accounts/" + other + "/invitations/" + id).status())
                .as("through another account: nobody's").isEqualTo(404);
        assertThat(api.delete(reader, invitations() + "/" + id).status()).isEqualTo(403);
        assertThat(api.get(reader, invitations()).json().path("items")).hasSize(1);

        assertThat(api.delete(writer, invitations() + "/" + id).status()).isEqualTo(204);
        assertThat(api.get(reader, invitations()).json().path("items")).isEmpty();
        assertThat(api.delete(writer, invitations() + "/" + id).status()).isEqualTo(404);
        assertThat(api.delete(writer, invitations() + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select actor_kind from audit_entry where subject_id = ? and action = "
                + "'account.invitation.revoked'").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("API");

        TestData.signInOidc(data.newOidcUser(address), address, true);
        assertThatThrownBy(() -> members.acceptInvitation(token)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("This invitation link is not valid any more");
    }

    @Test
    void bad_input_is_refused_with_the_field_at_fault_and_nothing_is_written_or_mailed() {
        assertRefused(api.post(writer, invitations(), "{\"email\":\"not-an-address\",\"role\":\"OWNER\"}"), 422,
                "email");
        assertRefused(api.post(writer, invitations(), "{\"email\":\"\",\"role\":\"OWNER\"}"), 422, "email");
        assertRefused(api.post(writer, invitations(), "{\"email\":\"pat@example.com\"}"), 422, "role");
        assertRefused(api.post(writer, invitations(), "{\"email\":\"pat@example.com\",\"role\":\"ADMIN\"}"), 400,
                "role");
        assertRefused(api.post(writer, invitations(), "{\"email\":\"pat@example.com\",\"role\":\"OWNER\","
                + "\"name\":\"Pat\"}"), 400, "name");

        String member = "member-" + UUID.randomUUID() + "@example.com";
        TestData.OidcPerson person = data.newOidcUser(member);
        jdbc.sql("insert into account_member (account_id, user_id, role) values (?, ?, 'VIEWER')")
                .params(UUID.fromString(account), person.userId().value()).update();
        assertRefused(api.post(writer, invitations(), "{\"email\":\"" + member + "\",\"role\":\"OWNER\"}"), 422,
                "email");

        var forbidden = api.post(reader, invitations(), "{\"email\":\"pat@example.com\",\"role\":\"OWNER\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("type").asString()).endsWith("/missing-scope");
        assertThat(api.post(writer, "/api/v1/accounts/" + UUID.randomUUID() + "/invitations",
                "{\"email\":\"pat@example.com\",\"role\":\"OWNER\"}").status()).isEqualTo(404);
        assertThat(api.get(reader, "/api/v1/accounts/" + UUID.randomUUID() + "/invitations").status())
                .isEqualTo(404);

        assertThat(invitationRows()).isZero();
        assertThat(mailsTo("pat@example.com")).isZero();
        assertThat(mailsTo(member)).isZero();
    }

    @Test
    void an_account_over_its_invitation_limit_gets_429_with_retry_after_and_nothing_is_sent() throws Exception {
        // The account's allowance is used up (its limiter state put two periods ahead), as after many invitations.
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                account.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("insert into rate_limit_state (limit_name, key_hash, next_at, strikes) values (?, ?, ?, 0)")
                .params("invitation-per-account", hash, clock.instant().plus(Duration.ofDays(2))
                        .atOffset(ZoneOffset.UTC)).update();
        String address = "limited-" + UUID.randomUUID() + "@example.com";
        var limited = api.post(writer, invitations(), "{\"email\":\"" + address + "\",\"role\":\"VIEWER\"}");
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.json().path("type").asString()).endsWith("/rate-limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(invitationRows()).isZero();
        assertThat(mailsTo(address)).isZero();
    }

    private void assertRefused(ApiHttp.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").findValuesAsString("field")).contains(field);
    }

    private String invitations() {
        return "/api/v1/accounts/" + account + "/invitations";
    }

    private int invitationRows() {
        return jdbc.sql("select count(*) from invitation where account_id = ?").param(UUID.fromString(account))
                .query(Integer.class).single();
    }

    private MimeMessage mailTo(String address) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            MimeMessage found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> isTo(m, address)).findFirst()
                    .orElse(null);
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + address);
    }

    private long mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> isTo(m, address)).count();
    }

    private static boolean isTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(MimeMessage mail) throws IOException, MessagingException {
        Matcher link = LINK.matcher((String) mail.getContent());
        assertThat(link.find()).as("the mail carries the invitation link").isTrue();
        return link.group(1);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
