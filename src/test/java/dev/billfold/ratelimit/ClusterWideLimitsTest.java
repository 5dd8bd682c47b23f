package dev.billfold.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.AtOnce;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.MemberService;
import dev.billfold.account.Role;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.polling.Nodes;
import dev.billfold.security.HttpBrowser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What only holds with several nodes: two application contexts on one PostgreSQL (each with its own connection pool
 * and web server) share every rate limit (DD-056). Small capacities, so that a few calls reach them.
 */
class ClusterWideLimitsTest {

    static final int WEBHOOK_CAPACITY = 40;

    static Nodes nodes;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoNodes() {
        nodes = new Nodes();
        Map<String, String> settings = Map.of(
                "billfold.rate-limits.top-up-per-user.capacity", "2",
                "billfold.rate-limits.invitation-per-user.capacity", "2",
                "billfold.rate-limits.sign-in-failure-per-username.capacity", "2",
                "billfold.rate-limits.webhook-verification.capacity", String.valueOf(WEBHOOK_CAPACITY),
                // A day for forty: none comes back while the test runs.
                "billfold.rate-limits.webhook-verification.period", "P1D");
        a = nodes.start(settings);
        b = nodes.start(settings);
    }

    @AfterAll
    static void stop() {
        nodes.close();
    }

    /** The database outlives these nodes; the demo user name and the test's address must not stay locked in it. */
    @AfterEach
    void forgetSignInFailures() {
        RateLimiter limiter = a.getBean(RateLimiter.class);
        limiter.reset(new RateKey("sign-in-failure-per-username", "other"));
        limiter.reset(new RateKey("sign-in-failure-per-client", "127.0.0.1"));
        TestData.signOut();
    }

    @Test
    void racing_callers_on_both_nodes_get_one_keys_allowance_exactly_once() throws Exception {
        RateKey key = new RateKey("webhook-verification", "client-" + UUID.randomUUID());
        RateLimiter onA = a.getBean(RateLimiter.class);
        RateLimiter onB = b.getBean(RateLimiter.class);
        for (int i = 0; i < WEBHOOK_CAPACITY / 4; i++) {
            assertThat(onA.tryAcquire(key).allowed()).isTrue();
            assertThat(onB.tryAcquire(key).allowed()).isTrue();
        }

        List<Integer> granted = AtOnce.run(8, index -> {
            RateLimiter limiter = index % 2 == 0 ? onA : onB;
            int mine = 0;
            for (int i = 0; i < 10; i++) {
                mine += limiter.tryAcquire(key).allowed() ? 1 : 0;
            }
            return mine;
        });

        assertThat(granted.stream().mapToInt(Integer::intValue).sum()).as("granted in the race, 80 asked")
                .isEqualTo(WEBHOOK_CAPACITY / 2);
        assertThat(onA.check(key).allowed()).isFalse();
        assertThat(onB.check(key).allowed()).isFalse();
    }

    @Test
    void top_ups_started_on_one_node_count_on_the_other() {
        Customer customer = new TestData(a.getBean(JdbcClient.class)).newCustomer("USD");
        TestData.signIn(customer.username());
        TopUpService onA = a.getBean(TopUpService.class);
        TopUpService onB = b.getBean(TopUpService.class);

        onA.topUp(invoice(customer));
        onB.topUp(invoice(customer));

        assertThatThrownBy(() -> onA.topUp(invoice(customer))).isInstanceOf(RateLimitExceededException.class);
        assertThatThrownBy(() -> onB.topUp(invoice(customer))).isInstanceOf(RateLimitExceededException.class);
        assertThat(new TestData(b.getBean(JdbcClient.class)).payments(customer.accountId())).isEqualTo(2);
    }

    @Test
    void invitations_sent_through_one_node_count_on_the_other() {
        Customer owner = new TestData(a.getBean(JdbcClient.class)).newCustomer("USD");
        TestData.signIn(owner.username());

        a.getBean(MemberService.class).invite(owner.accountId(), "one-" + UUID.randomUUID() + "@example.com",
                Role.VIEWER);
        b.getBean(MemberService.class).invite(owner.accountId(), "two-" + UUID.randomUUID() + "@example.com",
                Role.VIEWER);

        assertThatThrownBy(() -> b.getBean(MemberService.class).invite(owner.accountId(),
                "three-" + UUID.randomUUID() + "@example.com", Role.VIEWER))
                .isInstanceOf(RateLimitExceededException.class);
        assertThat(a.getBean(JdbcClient.class).sql("select count(*) from invitation where account_id = ?")
                .param(owner.accountId().value()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void failed_sign_ins_on_one_node_lock_the_user_name_on_the_other() {
        URI nodeA = baseOf(a);
        URI nodeB = baseOf(b);
        var browser = new HttpBrowser();
        assertThat(signIn(browser, nodeA, "other", "wrong").uri().getQuery()).isEqualTo("error");
        assertThat(signIn(browser, nodeA, "other", "wrong").uri().getQuery()).isEqualTo("error");

        var refused = signIn(new HttpBrowser(), nodeB, "other", "demo");

        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.uri().getQuery()).startsWith("locked=");
    }

    static TopUpRequest invoice(Customer customer) {
        return new TopUpRequest(customer.person(), "10", new MethodChoice.Invoice(), false,
                UUID.randomUUID().toString());
    }

    static URI baseOf(ConfigurableApplicationContext node) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port"));
    }

    static HttpResponse<String> signIn(HttpBrowser browser, URI base, String username, String password) {
        String csrf = HttpBrowser.csrfToken(browser.open(base.resolve("/login")).body());
        return browser.postForm(base.resolve("/login"),
                "username=" + username + "&password=" + password + "&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    }
}
