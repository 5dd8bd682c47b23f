package dev.billfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff sign-in over real HTTP: roles from the provider's groups claim, the demo operator's form sign-in, the /ops
 * paths closed to customers at the HTTP layer, and a staff session's shorter idle timeout.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.servlet.session.timeout=30m", "billfold.staff.session-timeout=9m",
        "billfold.staff.roles-claim=groups", "billfold.staff.role-values.finance=billfold-finance",
        "billfold.staff.role-values.support=billfold-support"})
class StaffSignInTest {

    static final MockOAuth2Server idp = new MockOAuth2Server();

    static {
        idp.start();
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.provider.idp.issuer-uri", () -> idp.issuerUrl("default").toString());
        properties.add("spring.security.oauth2.client.registration.idp.client-id", () -> "billfold");
        properties.add("spring.security.oauth2.client.registration.idp.client-secret", () -> "test-secret");
        properties.add("spring.security.oauth2.client.registration.idp.scope", () -> "openid,profile,email");
    }

    @AfterAll
    static void stop() {
        idp.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    Sessions sessions;

    URI base;
    HttpBrowser browser;

    @BeforeEach
    void setUp() {
        base = URI.create("http://localhost:" + port);
        browser = new HttpBrowser();
    }

    @Test
    void a_provider_group_grants_the_staff_role_opens_ops_and_shortens_the_session() {
        signIn("finance-" + UUID.randomUUID(), List.of("staff", "billfold-finance"));

        assertThat(browser.open(base.resolve("/ops")).statusCode()).isEqualTo(200);
        assertThat(session().getMaxInactiveInterval()).isEqualTo(9 * 60);
    }

    @Test
    void a_provider_user_without_a_staff_group_is_refused_ops_and_keeps_the_customer_timeout() {
        signIn("customer-" + UUID.randomUUID(), List.of("customers"));

        assertThat(browser.open(base.resolve("/ops")).statusCode()).isEqualTo(403);
        assertThat(browser.open(base.resolve("/ops/account?id=" + UUID.randomUUID())).statusCode()).isEqualTo(403);
        assertThat(session().getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void the_demo_operator_signs_in_with_the_form_and_gets_the_staff_timeout_a_demo_customer_does_not() {
        formSignIn("operator");
        assertThat(browser.open(base.resolve("/ops")).statusCode()).isEqualTo(200);
        assertThat(session().getMaxInactiveInterval()).isEqualTo(9 * 60);

        browser = new HttpBrowser();
        formSignIn("demo");
        assertThat(browser.open(base.resolve("/ops")).statusCode()).isEqualTo(403);
        assertThat(session().getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void signed_out_the_back_office_sends_to_the_sign_in() {
        assertThat(browser.open(base.resolve("/ops")).uri().getPath()).isEqualTo("/login");
    }

    private void signIn(String subject, List<String> groups) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("billfold"),
                Map.of("name", "Sam Staff", "groups", groups), 3600));
        browser.open(base.resolve("/oauth2/authorization/idp"));
    }

    private void formSignIn(String username) {
        String csrf = HttpBrowser.csrfToken(browser.open(base.resolve("/login")).body());
        browser.postForm(base.resolve("/login"), "username=" + username + "&password=demo&_csrf=" + csrf);
    }

    private HttpSession session() {
        String id = browser.sessionId().orElseThrow();
        return sessions.created.stream().filter(each -> each.getId().equals(id)).findFirst().orElseThrow();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        Sessions sessions() {
            return new Sessions();
        }
    }

    static class Sessions implements HttpSessionListener {

        final List<HttpSession> created = new CopyOnWriteArrayList<>();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            created.add(event.getSession());
        }
    }
}
