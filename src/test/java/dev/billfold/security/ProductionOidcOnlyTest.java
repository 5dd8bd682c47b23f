package dev.billfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile with an OIDC provider configured: the provider is the only way in. The demo users' form is
 * neither shown nor accepted, even with the demo users' correct passwords. Its own in-memory database (no demo data),
 * and Vaadin in development mode, since a test run has no production bundle.
 */
@ActiveProfiles("production")
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:production-oidc;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "spring.datasource.username=sa", "spring.datasource.password=", "vaadin.productionMode=false",
        "billfold.invoice.recipient-name=Production Test Ltd.", "billfold.invoice.recipient-bank-details=Bank: Test",
        "billfold.seller.legal-name=Production Test Ltd.", "billfold.seller.address=1 Test Street", "billfold.seller.country=GB",
        // production insists on mail settings for invitations; nothing is sent here
        "spring.mail.host=127.0.0.1", "billfold.mail.from=billing@provider.test", "billfold.mail.public-url=https://portal.test/"})
class ProductionOidcOnlyTest {

    static final MockOAuth2Server idp = new MockOAuth2Server();

    static {
        idp.start();
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.provider.corp.issuer-uri", () -> idp.issuerUrl("corp").toString());
        properties.add("spring.security.oauth2.client.registration.corp.client-id", () -> "billfold");
        properties.add("spring.security.oauth2.client.registration.corp.client-secret", () -> "test-secret");
        properties.add("spring.security.oauth2.client.registration.corp.scope", () -> "openid,profile,email");
        properties.add("spring.security.oauth2.client.registration.corp.client-name", () -> "Corp Login");
    }

    @AfterAll
    static void stop() {
        idp.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SignInOptions options;
    @Autowired
    JdbcClient jdbc;

    @Test
    void only_the_provider_is_offered() {
        var base = URI.create("http://localhost:" + port);
        String loginPage = new HttpBrowser().render(base, "login");

        assertThat(loginPage).contains("Sign in with Corp Login", "/oauth2/authorization/corp")
                .doesNotContain("vaadin-login-form", "Demo: sign in");
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
        assertThat(options.formSignIn()).isFalse();
        assertThat(options.providers()).extracting(SignInOptions.Provider::name).containsExactly("Corp Login");
    }

    @Test
    void the_demo_password_form_post_is_refused_and_signs_nobody_in() {
        var base = URI.create("http://localhost:" + port);
        var browser = new HttpBrowser();
        String csrf = HttpBrowser.csrfToken(browser.open(base.resolve("/login")).body());

        var answer = browser.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build());

        // No form login filter: the POST reaches no authentication at all and redirects nowhere.
        assertThat(HttpBrowser.isRedirect(answer)).isFalse();
        assertThat(browser.open(base.resolve("/history")).uri().getPath()).isEqualTo("/login");
        assertThat(jdbc.sql("select count(*) from app_user where username = 'demo'").query(Integer.class).single()).isZero();
    }

    @Test
    void the_provider_signs_in() {
        var base = URI.create("http://localhost:" + port);
        String subject = "sub-" + UUID.randomUUID();
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of("billfold"),
                Map.of("name", "Prod User", "email", "prod@example.com", "email_verified", true), 3600));
        var browser = new HttpBrowser();
        browser.open(base.resolve("/"));

        var landed = browser.open(base.resolve("/oauth2/authorization/corp"));

        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(browser.render(base, "")).contains("Your sign-in is not linked to a customer account yet.");
        assertThat(jdbc.sql("select display_name from app_user where oidc_subject = ?").param(subject)
                .query(String.class).single()).isEqualTo("Prod User");
    }

    @Test
    void the_demo_providers_pages_do_not_exist_when_it_is_off() {
        var base = URI.create("http://localhost:" + port);
        var browser = new HttpBrowser();
        for (String path : List.of("/demo-gateway/checkout/cs_demo_1", "/demo-gateway/setup/seti_demo_1",
                "/demo-gateway/authenticate/ch_demo_1", "/demo-gateway/")) {
            assertThat(browser.send(HttpRequest.newBuilder(base.resolve(path)).GET().build()).statusCode())
                    .as(path).isEqualTo(404);
        }
    }
}
