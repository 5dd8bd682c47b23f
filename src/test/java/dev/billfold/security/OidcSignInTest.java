package dev.billfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.SpringServlet;
import dev.billfold.BillfoldTest;
import dev.billfold.account.AccountNumber;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through a real OIDC provider (mock-oauth2-server on a random port, found through its issuer URI) against the
 * app on a random port, driven by a plain HTTP client that keeps cookies and follows redirects like a browser. The
 * default profile: the demo users' form and the provider are offered side by side.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.servlet.session.timeout=17m")
class OidcSignInTest {

    static final MockOAuth2Server idp = new MockOAuth2Server();
    /** Users whose email is at this domain get a customer account at their first sign-in (see {@link Linker}). */
    static final String LINKED_DOMAIN = "@linked.example";

    static {
        idp.start();
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.provider.idp.issuer-uri", () -> idp.issuerUrl("default").toString());
        properties.add("spring.security.oauth2.client.registration.idp.client-id", () -> "billfold");
        properties.add("spring.security.oauth2.client.registration.idp.client-secret", () -> "test-secret");
        properties.add("spring.security.oauth2.client.registration.idp.scope", () -> "openid,profile,email");
        properties.add("spring.security.oauth2.client.registration.idp.client-name", () -> "Test IdP");
    }

    @AfterAll
    static void stop() {
        idp.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Linker linker;
    @Autowired
    SessionRecorder sessions;
    @Autowired
    ServletRegistrationBean<SpringServlet> vaadinServlet;

    URI base;
    String issuer;
    HttpBrowser browser;

    @BeforeEach
    void setUp() {
        base = URI.create("http://localhost:" + port);
        issuer = idp.issuerUrl("default").toString();
        browser = new HttpBrowser();
        drainProviderRequests();
    }

    @Test
    void code_flow_with_pkce_creates_the_user_changes_the_session_id_lands_on_top_up_and_logout_ends_it_at_the_provider() {
        String subject = "sub-" + UUID.randomUUID();
        String email = subject + LINKED_DOMAIN;

        var atLogin = browser.open(base.resolve("/"));
        assertThat(atLogin.uri().getPath()).isEqualTo("/login");
        String sessionBefore = browser.sessionId().orElseThrow();
        assertThat(browser.render(base, "login")).contains("Sign in with Test IdP", "sign-in-idp", "/oauth2/authorization/idp");

        browser.forgetHops();
        var landed = signIn(subject, "Olga Oidc", email);

        URI authorize = hopTo("/default/authorize");
        Map<String, String> query = queryOf(authorize);
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "billfold")
                .containsEntry("code_challenge_method", "S256").containsKey("state").containsKey("nonce")
                .containsEntry("redirect_uri", base + "/login/oauth2/code/idp");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(hopTo("/login/oauth2/code/idp").getQuery()).contains("code=", "state=");
        RecordedRequest tokenRequest = providerRequests().stream()
                .filter(request -> request.getPath().startsWith("/default/token")).findFirst().orElseThrow();
        assertThat(tokenRequest.getBody().readUtf8()).contains("grant_type=authorization_code", "code_verifier=");

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getAuthority()).isEqualTo(base.getAuthority());
        assertThat(landed.uri().getPath()).isEqualTo("/");
        String sessionAfter = browser.sessionId().orElseThrow();
        assertThat(sessionAfter).isNotEqualTo(sessionBefore);

        var user = jdbc.sql("select username, display_name, email, oidc_issuer from app_user where oidc_subject = ?")
                .param(subject).query().singleRow();
        assertThat(user).containsEntry("username", null).containsEntry("display_name", "Olga Oidc")
                .containsEntry("email", email).containsEntry("oidc_issuer", issuer);
        assertThat(browser.render(base, "")).contains("preset-100", "Account of Olga Oidc");

        // Sign-out: our session ends, then the provider's (RP-initiated), which sends the browser back to us.
        String csrf = HttpBrowser.csrfToken(browser.open(base.resolve("/")).body());
        browser.forgetHops();
        var afterLogout = browser.postForm(base.resolve("/logout"), "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        URI endSession = hopTo("/default/endsession");
        assertThat(queryOf(endSession)).containsEntry("post_logout_redirect_uri", base.toString())
                .containsKey("id_token_hint");
        assertThat(providerRequests()).anySatisfy(request -> assertThat(request.getPath()).startsWith("/default/endsession"));
        assertThat(afterLogout.uri().getAuthority()).isEqualTo(base.getAuthority());
        assertThat(afterLogout.uri().getPath()).isEqualTo("/login");
        assertThat(browser.open(base.resolve("/history")).uri().getPath()).isEqualTo("/login");
    }

    @Test
    void a_second_sign_in_matches_the_same_user_by_issuer_and_subject_and_takes_the_new_name_and_email() {
        String subject = "sub-" + UUID.randomUUID();
        signIn(subject, "Pat Before", subject + LINKED_DOMAIN);
        UUID firstId = userId(subject);

        var again = new HttpBrowser();
        again.open(base.resolve("/"));
        idp.enqueueCallback(callback(subject, "Pat After", "pat.after" + LINKED_DOMAIN));
        var landed = again.open(base.resolve("/oauth2/authorization/idp"));

        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(jdbc.sql("select count(*) from app_user where oidc_subject = ?").param(subject).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(userId(subject)).isEqualTo(firstId);
        assertThat(jdbc.sql("select display_name from app_user where id = ?").param(firstId).query(String.class).single())
                .isEqualTo("Pat After");
        assertThat(linker.signIns).filteredOn(event -> event.userId().value().equals(firstId)).hasSize(2);
    }

    @Test
    void the_same_subject_at_another_issuer_is_another_user() {
        String subject = "sub-" + UUID.randomUUID();
        signIn(subject, "Sam Same", subject + LINKED_DOMAIN);
        jdbc.sql("insert into app_user (id, username, display_name, email, oidc_issuer, oidc_subject, version) "
                + "values (?, null, 'Elsewhere', null, 'https://other-issuer.example', ?, 0)")
                .params(UUID.randomUUID(), subject).update();

        var again = new HttpBrowser();
        idp.enqueueCallback(callback(subject, "Sam Same", subject + LINKED_DOMAIN));
        again.open(base.resolve("/oauth2/authorization/idp"));

        assertThat(jdbc.sql("select count(*) from app_user where oidc_subject = ? and oidc_issuer = ?")
                .params(subject, issuer).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select display_name from app_user where oidc_issuer = 'https://other-issuer.example' and oidc_subject = ?")
                .param(subject).query(String.class).single()).isEqualTo("Elsewhere");
    }

    @Test
    void a_new_user_without_an_account_sees_why_instead_of_an_error_and_the_sign_in_event_carries_the_email() {
        String subject = "sub-" + UUID.randomUUID();
        String email = subject + "@unlinked.example";

        var landed = signIn(subject, "Nora New", email);

        assertThat(landed.statusCode()).isEqualTo(200);
        String page = browser.render(base, "");
        assertThat(page).contains("Your sign-in is not linked to a customer account yet. Contact support.",
                "no-account-sign-out").doesNotContain("preset-100", "Something went wrong");
        assertThat(linker.signIns).contains(new UserSignedIn(new UserId(userId(subject)), email, true, null));
        assertThat(jdbc.sql("select count(*) from account_member where user_id = ?").param(userId(subject))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void the_demo_form_is_offered_beside_the_provider_and_still_signs_in() {
        String loginPage = browser.render(base, "login");
        assertThat(loginPage).contains("vaadin-login-form", "Sign in with Test IdP", "Demo: sign in as demo / demo.");

        browser.open(base.resolve("/history?continue=https://evil.example/&redirect=//evil.example"));
        String csrf = HttpBrowser.csrfToken(
                browser.open(base.resolve("/login?continue=https://evil.example/&redirect=//evil.example")).body());
        var landed = browser.postForm(base.resolve("/login?redirect=https://evil.example/"),
                "username=demo&password=demo&redirect=//evil.example&_csrf=" + csrf);

        assertThat(browser.hops()).allSatisfy(hop -> assertThat(hop.getHost()).isEqualTo("localhost"));
        assertThat(landed.uri().getAuthority()).isEqualTo(base.getAuthority());
        assertThat(landed.uri().getPath()).isEqualTo("/history");
        assertThat(browser.render(base, "")).contains("preset-100", "Morgan Web Studio");
    }

    @Test
    void every_page_needs_a_session_but_webhooks_need_neither_session_nor_csrf() {
        for (String page : List.of("/", "/history", "/no-account", "/payment-return/" + UUID.randomUUID())) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(base.resolve(page)).GET().build());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
        }
        HttpResponse<String> webhook = browser.send(HttpRequest.newBuilder(base.resolve("/webhooks/probe"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"evt_1\"}")).build());
        assertThat(webhook.statusCode()).isEqualTo(202);
        assertThat(webhook.body()).isEqualTo("received {\"id\":\"evt_1\"}");
        assertThat(webhook.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void after_sign_in_neither_a_continue_nor_a_redirect_parameter_nor_a_saved_request_leaves_the_site() {
        String subject = "sub-" + UUID.randomUUID();
        browser.open(base.resolve("/login?continue=https://evil.example/&redirect=//evil.example/&redirect_uri=https://evil.example"));
        browser.open(base.resolve("/history?continue=https://evil.example/&redirect=%2F%2Fevil.example"));
        idp.enqueueCallback(callback(subject, "Eve Careful", subject + LINKED_DOMAIN));

        var landed = browser.open(base.resolve("/oauth2/authorization/idp?redirect=https://evil.example/&continue=//evil.example"));

        assertThat(browser.hops()).allSatisfy(hop -> assertThat(hop.getHost()).isEqualTo("localhost"));
        assertThat(landed.uri().getAuthority()).isEqualTo(base.getAuthority());
        assertThat(landed.uri().getPath()).isEqualTo("/history");
    }

    @Test
    void the_providers_locale_claim_seeds_the_first_language_and_a_later_claim_does_not_replace_it() {
        String subject = "sub-" + UUID.randomUUID();
        idp.enqueueCallback(callback(subject, "Aigerim Locale", subject + LINKED_DOMAIN, "kk-KZ"));
        browser.open(base.resolve("/oauth2/authorization/idp"));

        assertThat(linker.signIns).anySatisfy(event -> assertThat(event.locale()).isEqualTo("kk-KZ"));
        assertThat(language(subject)).isEqualTo("kk");

        var again = new HttpBrowser();
        idp.enqueueCallback(callback(subject, "Aigerim Locale", subject + LINKED_DOMAIN, "ru-RU"));
        again.open(base.resolve("/oauth2/authorization/idp"));

        assertThat(language(subject)).isEqualTo("kk");
    }

    @Test
    void a_locale_claim_billfold_does_not_speak_seeds_nothing() {
        String subject = "sub-" + UUID.randomUUID();
        idp.enqueueCallback(callback(subject, "Dieter Locale", subject + LINKED_DOMAIN, "de-DE"));
        browser.open(base.resolve("/oauth2/authorization/idp"));

        assertThat(jdbc.sql("select count(*) from user_language where user_id = ?").param(userId(subject))
                .query(Integer.class).single()).isZero();
    }

    private String language(String subject) {
        return jdbc.sql("select language from user_language where user_id = ? and chosen = false")
                .param(userId(subject)).query(String.class).single();
    }

    @Test
    void the_configured_idle_timeout_is_applied_to_the_session_and_an_open_tab_does_not_keep_it_alive() {
        String subject = "sub-" + UUID.randomUUID();
        signIn(subject, "Tim Timeout", subject + LINKED_DOMAIN);
        String id = browser.sessionId().orElseThrow();

        HttpSession session = sessions.created.stream().filter(each -> each.getId().equals(id)).findFirst().orElseThrow();
        assertThat(session.getMaxInactiveInterval()).isEqualTo(17 * 60);
        assertThat(vaadinServlet.getServlet().getService().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private HttpResponse<String> signIn(String subject, String name, String email) {
        idp.enqueueCallback(callback(subject, name, email));
        return browser.open(base.resolve("/oauth2/authorization/idp"));
    }

    private static DefaultOAuth2TokenCallback callback(String subject, String name, String email) {
        return new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("billfold"),
                Map.of("name", name, "email", email, "email_verified", true), 3600);
    }

    private static DefaultOAuth2TokenCallback callback(String subject, String name, String email, String locale) {
        return new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("billfold"),
                Map.of("name", name, "email", email, "email_verified", true, "locale", locale), 3600);
    }

    private UUID userId(String subject) {
        return jdbc.sql("select id from app_user where oidc_issuer = ? and oidc_subject = ?").params(issuer, subject)
                .query(UUID.class).single();
    }

    private URI hopTo(String path) {
        return browser.hops().stream().filter(hop -> hop.getPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("No request to " + path + " in " + browser.hops()));
    }

    private static Map<String, String> queryOf(URI uri) {
        var query = new java.util.HashMap<String, String>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length < 2 ? "" : java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    /** What the provider received since the last call; it records every request, so none are waited for. */
    private static List<RecordedRequest> providerRequests() {
        List<RecordedRequest> requests = new ArrayList<>();
        while (true) {
            try {
                requests.add(idp.takeRequest(10, TimeUnit.MILLISECONDS));
            } catch (RuntimeException emptyQueue) {
                // the server throws instead of returning null once its queue is empty
                return requests;
            }
        }
    }

    private static void drainProviderRequests() {
        providerRequests();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        Linker linker(JdbcClient jdbc) {
            return new Linker(jdbc);
        }

        @Bean
        WebhookProbe webhookProbe() {
            return new WebhookProbe();
        }

        @Bean
        SessionRecorder sessionRecorder() {
            return new SessionRecorder();
        }
    }

    /**
     * Listens to the sign-in hook as the invitations feature will: here, users at {@link #LINKED_DOMAIN} get a USD
     * account with one payer at their first sign-in.
     */
    static class Linker {

        final List<UserSignedIn> signIns = new CopyOnWriteArrayList<>();
        private final JdbcClient jdbc;

        Linker(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void on(UserSignedIn event) {
            signIns.add(event);
            if (event.email() == null || !event.email().endsWith(LINKED_DOMAIN) || !event.emailVerified()
                    || jdbc.sql("select count(*) from account_member where user_id = ?").param(event.userId().value())
                            .query(Integer.class).single() > 0) {
                return;
            }
            String name = jdbc.sql("select display_name from app_user where id = ?").param(event.userId().value())
                    .query(String.class).single();
            UUID account = UUID.randomUUID();
            String number = AccountNumber.of(jdbc.sql("select nextval('account_number_seq')").query(Long.class).single());
            jdbc.sql("insert into account (id, name, currency, country, account_number, version) values (?, ?, 'USD', null, ?, 0)")
                    .params(account, "Account of " + name, number).update();
            jdbc.sql("insert into account_member (account_id, user_id, role) values (?, ?, 'OWNER')")
                    .params(account, event.userId().value()).update();
            jdbc.sql("""
                            insert into payer (id, account_id, type, legal_name, tax_id, address, country, invoice_email,
                              is_default, archived, version) values (?, ?, 'INDIVIDUAL', ?, null, '1 Test Street', 'US', ?, true, false, 0)""")
                    .params(UUID.randomUUID(), account, name, event.email()).update();
            jdbc.sql("insert into account_balance (account_id, amount_value, amount_currency) values (?, 0, 'USD')")
                    .param(account).update();
        }
    }

    /** Stands for a provider's webhook endpoint, which the Stripe and PayPal adapters will add under /webhooks. */
    @RestController
    static class WebhookProbe {

        @PostMapping("/webhooks/probe")
        ResponseEntity<String> receive(@RequestBody String body) {
            return ResponseEntity.accepted().body("received " + body);
        }
    }

    static class SessionRecorder implements HttpSessionListener {

        final List<HttpSession> created = new CopyOnWriteArrayList<>();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            created.add(event.getSession());
        }
    }
}
