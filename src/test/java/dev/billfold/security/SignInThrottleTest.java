package dev.billfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import dev.billfold.MutableClock;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.ratelimit.RateKey;
import dev.billfold.ratelimit.RateLimit;
import dev.billfold.ratelimit.RateLimitProperties;
import dev.billfold.ratelimit.RateLimiter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed sign-ins through the demo users' password form, rate limited per user name and per client address with the
 * configured defaults (DD-056), over real HTTP: a locked-out sign-in is turned away before the password is checked
 * and the login page says how long to wait. Shares the provider tests' context (a real port).
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithLocalProviders
class SignInThrottleTest {

    static final String CLIENT = "127.0.0.1";
    static final List<String> DEMO_USERS = List.of("demo", "other", "billing");

    @LocalServerPort
    int port;
    @Autowired
    RateLimiter limiter;
    @Autowired
    RateLimitProperties limits;
    @Autowired
    MutableClock clock;

    URI base;
    RateLimit perUsername;
    RateLimit perClient;

    @BeforeEach
    void setUp() {
        base = URI.create("http://" + CLIENT + ":" + port);
        perUsername = limits.limit(SignInThrottle.PER_USERNAME);
        perClient = limits.limit(SignInThrottle.PER_CLIENT);
        clock.set(Instant.now());
        forgetFailures();
    }

    /** The address and the demo users are shared with every other test on this context. */
    @AfterEach
    void forgetFailures() {
        limiter.reset(new RateKey(SignInThrottle.PER_CLIENT, CLIENT));
        DEMO_USERS.forEach(user -> limiter.reset(new RateKey(SignInThrottle.PER_USERNAME, user)));
    }

    @Test
    void wrong_passwords_lock_the_user_name_and_then_even_the_right_one_is_turned_away_with_the_wait() {
        var browser = new HttpBrowser();
        for (int i = 0; i < perUsername.capacity(); i++) {
            assertThat(signIn(browser, "Other", "wrong").uri().getQuery()).as("failure %d", i + 1).isEqualTo("error");
        }

        var refused = signIn(browser, "other", "demo");

        long wait = perUsername.interval().toSeconds();
        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.uri().getQuery()).isEqualTo("locked=" + wait);
        assertThat(signedIn(browser)).as("the right password was not even checked").isFalse();
        assertThat(browser.render(base, "login", "locked=" + wait)).contains("sign-in-locked",
                "Too many failed sign-ins for this user name or from your network, so this one was not checked. "
                        + "Please wait and try again in 3 minutes.");

        // Another user name from the same address is not held up.
        var elsewhere = new HttpBrowser();
        signIn(elsewhere, "billing", "demo");
        assertThat(signedIn(elsewhere)).isTrue();
    }

    @Test
    void each_lockout_doubles_the_next_and_a_successful_sign_in_clears_the_user_name() {
        var browser = new HttpBrowser();
        for (int i = 0; i < perUsername.capacity(); i++) {
            signIn(browser, "other", "wrong");
        }
        Duration first = perUsername.interval();
        assertThat(signIn(browser, "other", "wrong").uri().getQuery()).isEqualTo("locked=" + first.toSeconds());

        clock.advance(first);
        assertThat(signIn(browser, "other", "wrong").uri().getQuery()).isEqualTo("error");
        assertThat(signIn(browser, "other", "wrong").uri().getQuery())
                .isEqualTo("locked=" + first.multipliedBy(2).toSeconds());

        clock.advance(first.multipliedBy(2));
        signIn(browser, "other", "demo");
        assertThat(signedIn(browser)).isTrue();

        // Cleared: a whole allowance again, and the first lockout is the short one.
        var next = new HttpBrowser();
        for (int i = 0; i < perUsername.capacity(); i++) {
            assertThat(signIn(next, "other", "wrong").uri().getQuery()).isEqualTo("error");
        }
        assertThat(signIn(next, "other", "demo").uri().getQuery()).isEqualTo("locked=" + first.toSeconds());
    }

    @Test
    void failures_for_many_user_names_lock_the_address_and_a_success_from_it_does_not_clear_it() {
        var browser = new HttpBrowser();
        for (int i = 0; i < perClient.capacity() - 1; i++) {
            assertThat(signIn(browser, "nobody-" + UUID.randomUUID(), "guess").uri().getQuery()).isEqualTo("error");
        }
        // In a showroom the demo password is public: signing in with it must not wipe the address's failures.
        var demo = new HttpBrowser();
        signIn(demo, "demo", "demo");
        assertThat(signedIn(demo)).isTrue();
        assertThat(signIn(browser, "nobody-" + UUID.randomUUID(), "guess").uri().getQuery()).isEqualTo("error");

        var refused = signIn(new HttpBrowser(), "billing", "demo");

        assertThat(refused.uri().getQuery()).isEqualTo("locked=" + perClient.interval().toSeconds());
    }

    HttpResponse<String> signIn(HttpBrowser browser, String username, String password) {
        String csrf = HttpBrowser.csrfToken(browser.open(base.resolve("/login")).body());
        return browser.postForm(base.resolve("/login"), "username=" + encode(username) + "&password="
                + encode(password) + "&_csrf=" + encode(csrf));
    }

    boolean signedIn(HttpBrowser browser) {
        return browser.open(base.resolve("/history")).uri().getPath().equals("/history");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
