package dev.billfold;

import dev.billfold.account.AccountId;
import dev.billfold.account.AccountNumber;
import dev.billfold.account.PayerId;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.security.UserId;
import dev.billfold.staff.StaffRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.stereotype.Component;

/**
 * Fresh customers for each test, so tests never share balances or limits. Writes rows the way an operator's
 * provisioning would; the behaviour under test always goes through the services.
 */
@Component
public class TestData {

    private final JdbcClient jdbc;

    public TestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Customer(String username, UserId userId, AccountId accountId, PayerId person, PayerId company) {
    }

    public Customer newCustomer(String currency) {
        return newCustomer(currency, "OWNER");
    }

    public Customer newCustomer(String currency, String role) {
        return newCustomer(currency, role, null);
    }

    public Customer newCustomer(String currency, String role, @Nullable String country) {
        String username = "user-" + UUID.randomUUID();
        var user = new UserId(UUID.randomUUID());
        var account = new AccountId(UUID.randomUUID());
        var person = new PayerId(UUID.randomUUID());
        var company = new PayerId(UUID.randomUUID());
        jdbc.sql("insert into app_user (id, username, display_name, email, version) values (?, ?, ?, ?, 0)")
                .params(user.value(), username, "Test User", username + "@example.com").update();
        jdbc.sql("insert into account (id, name, currency, country, account_number, version) values (?, ?, ?, ?, ?, 0)")
                .params(account.value(), "Account " + username, currency, country, nextAccountNumber()).update();
        jdbc.sql("insert into account_member (account_id, user_id, role) values (?, ?, ?)")
                .params(account.value(), user.value(), role).update();
        insertPayer(person, account, "INDIVIDUAL", "Pat Person", null, true);
        insertPayer(company, account, "COMPANY", "Pat Company Ltd", "VAT-123", false);
        jdbc.sql("insert into account_balance (account_id, amount_value, amount_currency) values (?, 0, ?)")
                .params(account.value(), currency).update();
        return new Customer(username, user, account, person, company);
    }

    /** Someone known by an identity at an OIDC provider, as their first sign-in leaves them: in no account yet. */
    public record OidcPerson(UserId userId, String issuer, String subject) {
    }

    public static final String OIDC_ISSUER = "https://id.provider.test/";

    /** A user created by a first OIDC sign-in, with the e-mail the provider gave, and no account. */
    public OidcPerson newOidcUser(String email) {
        var person = new OidcPerson(new UserId(UUID.randomUUID()), OIDC_ISSUER, "subject-" + UUID.randomUUID());
        jdbc.sql("""
                        insert into app_user (id, username, display_name, email, oidc_issuer, oidc_subject, version)
                        values (?, null, 'Newcomer', ?, ?, ?, 0)""")
                .params(person.userId().value(), email, person.issuer(), person.subject()).update();
        return person;
    }

    /**
     * Signs in through OIDC, as the sign-in leaves the session: the ID token's claims as the principal, with the
     * e-mail and whether the provider verified it ({@code email_verified}).
     */
    public static void signInOidc(OidcPerson person, String email, boolean emailVerified) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", person.issuer());
        claims.put("sub", person.subject());
        claims.put(StandardClaimNames.EMAIL, email);
        claims.put(StandardClaimNames.EMAIL_VERIFIED, emailVerified);
        Instant now = Instant.now();
        var authorities = List.of(new SimpleGrantedAuthority("OIDC_USER"));
        var principal = new DefaultOidcUser(authorities, new OidcIdToken("id-token", now, now.plusSeconds(300), claims));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new OAuth2AuthenticationToken(principal, authorities, "idp"));
        SecurityContextHolder.setContext(context);
    }

    /** The next account number, as the provider's provisioning assigns it (DD-059). */
    public String nextAccountNumber() {
        return AccountNumber.of(jdbc.sql("select nextval('account_number_seq')").query(Long.class).single());
    }

    /** A user who belongs to no account, to sign in as staff; returns the username. */
    public String newStaffUser() {
        String username = "staff-" + UUID.randomUUID();
        jdbc.sql("insert into app_user (id, username, display_name, email, version) values (?, ?, 'Staff Member', null, 0)")
                .params(UUID.randomUUID(), username).update();
        return username;
    }

    /** Another member of an existing account, with the given role. */
    public String addMember(AccountId account, String role) {
        String username = "member-" + UUID.randomUUID();
        var user = new UserId(UUID.randomUUID());
        jdbc.sql("insert into app_user (id, username, display_name, email, version) values (?, ?, ?, null, 0)")
                .params(user.value(), username, "Member").update();
        jdbc.sql("insert into account_member (account_id, user_id, role) values (?, ?, ?)")
                .params(account.value(), user.value(), role).update();
        return username;
    }

    private void insertPayer(PayerId id, AccountId account, String type, String name, String taxId, boolean isDefault) {
        jdbc.sql("""
                        insert into payer (id, account_id, type, legal_name, tax_id, address, country, invoice_email,
                          is_default, archived, version) values (?, ?, ?, ?, ?, ?, 'US', ?, ?, false, 0)""")
                .params(id.value(), account.value(), type, name, taxId, "1 Test Street, Testville", "billing@example.com", isDefault)
                .update();
    }

    /** A confirmed card saved at the demo provider; the last four digits pick its behaviour (4242 succeeds, 0002 declines). */
    public PaymentMethodId savedCard(Customer customer, PayerId payer, String last4, boolean isDefault) {
        String token = "pm_demo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        jdbc.sql("insert into demo_card (token, brand, last4, exp_month, exp_year, detached, created_at) values (?, 'Visa', ?, 12, 2030, false, ?)")
                .params(token, last4, OffsetDateTime.now(ZoneOffset.UTC)).update();
        var id = new PaymentMethodId(UUID.randomUUID());
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, expires_on, failure_reason, created_at, checked_at, version)
                        values (?, ?, ?, 'demo', ?, ?, 'CONFIRMED', ?, null, null, ?, ?, 0)""")
                .params(id.value(), customer.accountId().value(), payer.value(), token, "Visa •••• " + last4 + ", 12/30",
                        isDefault, OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return id;
    }

    public static void signIn(String username) {
        signIn(username, List.of());
    }

    /** Signs in with staff roles besides ROLE_USER, as the staff sign-in grants them. */
    public static void signIn(String username, List<StaffRole> staffRoles) {
        var authorities = new ArrayList<GrantedAuthority>(List.of(new SimpleGrantedAuthority("ROLE_USER")));
        staffRoles.forEach(role -> authorities.add(role.authority()));
        var principal = new User(username, "n/a", authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, authorities));
        SecurityContextHolder.setContext(context);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    public int payments(AccountId account) {
        return jdbc.sql("select count(*) from payment where account_id = ?").param(account.value()).query(Integer.class).single();
    }

    public int ledgerEntries(AccountId account) {
        return jdbc.sql("select count(*) from ledger_entry where account_id = ?").param(account.value()).query(Integer.class).single();
    }

    public BigDecimal balance(AccountId account) {
        return jdbc.sql("select amount_value from account_balance where account_id = ?").param(account.value())
                .query(BigDecimal.class).single();
    }

    /** For the ledger benchmark's figures; tests check the balance against the entries with {@code LedgerChecks.isConsistent}. */
    public BigDecimal sumOfEntries(AccountId account) {
        return jdbc.sql("select coalesce(sum(amount_value), 0) from ledger_entry where account_id = ?").param(account.value())
                .query(BigDecimal.class).single();
    }

    /** The balance after each ledger entry of the account, in the order the entries were written (their sequence). */
    public List<BigDecimal> runningBalances(AccountId account) {
        return jdbc.sql("""
                        select sum(amount_value) over (order by seq_no) from ledger_entry where account_id = ?
                         order by seq_no""")
                .param(account.value()).query(BigDecimal.class).list();
    }

    public int methods(PayerId payer) {
        return jdbc.sql("select count(*) from payment_method where payer_id = ?").param(payer.value()).query(Integer.class).single();
    }
}
