package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18's cluster with real parts: two production jars on one PostgreSQL behind Debian's HAProxy, started from
 * deploy/cluster/haproxy.cfg as a deployment would (cookie affinity, active checks against readiness on the
 * management port). In Chromium, through HAProxy only:
 * <ol>
 *   <li>sign-in and a top-up through the demo provider work, and the browser stays on one node;</li>
 *   <li>a change made on the other node (a card confirmed there) appears on the page open on the first, unreloaded
 *       (the change feed, DD-040);</li>
 *   <li>the node serving the customer is killed ({@code kill -9}) after the provider took the payment and before
 *       the browser follows it back: HAProxy
 *       moves them to the other node, which asks them to sign in again, and the money is exactly where it should be:
 *       the top-up credited once, one ledger entry per payment, the cached balance equal to the entries.</li>
 * </ol>
 * Dana Sultan's Steppe Networks (KZT, balance 0 in the demo data) on a database of this test's own.
 */
@ExtendWith(BrowserExtension.class)
class ClusterE2E {

    private static final String STEPPE_NETWORKS = "a0000000-0000-0000-0000-000000000002";
    private static final String NODE_COOKIE = "BILLFOLD_NODE";
    /** The demo provider's poller asks every minute; one poll and the page's next look. */
    private static final long ONE_POLL_MILLIS = 100_000;

    private static ProductionServer nodeA;
    private static ProductionServer nodeB;
    private static Cluster cluster;
    private static String lbUrl;

    @BeforeAll
    static void startTwoNodesBehindHaproxy() {
        cluster = Cluster.start("cluster", List.of());
        nodeA = cluster.nodeA();
        nodeB = cluster.nodeB();
        lbUrl = cluster.url();
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void through_haproxy_a_customer_tops_up_sees_the_other_nodes_changes_and_survives_their_node_being_killed(
            Page shared) throws Exception {
        Browser browser = shared.context().browser();
        try (BrowserContext customer = Portal.newContext(browser, lbUrl)) {
            Page page = customer.newPage();
            Portal.signInAsDana(page);
            String home = nodeOf(customer);
            assertThat(home).isIn("a", "b");

            // 1. A top-up through the demo provider; every request of it stayed on the customer's node.
            topUp(page, "5000");
            assertThat(balance(page)).isEqualByComparingTo("5000");
            assertThat(nodeOf(customer)).isEqualTo(home);

            // 2. A card added on this node waits for confirmation; it is confirmed on the other node, and the page
            // open here shows it without a reload.
            page.navigate("/payment-methods");
            page.locator("#add-method").click();
            page.waitForURL(Pattern.compile(".*/demo-gateway/setup/seti_demo_[^/?#]+$"));
            String setupPage = page.url();
            page.locator("select#card").selectOption("5555555555554444");
            page.locator("button#pending").click();
            page.waitForURL(Pattern.compile(".*/payment-methods$"));
            assertThat(page.locator(".method-card").filter(new Locator.FilterOptions().setHasText("Pending")))
                    .containsText("waiting for confirmation");
            String other = "a".equals(home) ? "b" : "a";
            try (BrowserContext elsewhere = Portal.newContext(browser, lbUrl)) {
                elsewhere.addCookies(List.of(new Cookie(NODE_COOKIE, other).setUrl(lbUrl)));
                Page there = elsewhere.newPage();
                Portal.signInAsDana(there);
                assertThat(nodeOf(elsewhere)).isEqualTo(other);
                there.navigate(setupPage);
                there.locator("select#card").selectOption("5555555555554444");
                there.locator("button#save").click();
                there.waitForURL(Pattern.compile(".*/payment-methods$"));
                assertThat(nodeOf(elsewhere)).isEqualTo(other);
            }
            Locator mastercard = page.locator(".method-card")
                    .filter(new Locator.FilterOptions().setHasText("Mastercard •••• 4444"));
            assertThat(mastercard).containsText("Confirmed",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                            .setTimeout(30_000));

            // 3. A second top-up: paid at the provider, and the customer's node dies as the provider sends them
            // back. HAProxy takes them to the other node, which has no session for them: sign in again.
            page.navigate("/");
            page.locator("#amount input").fill("3000");
            page.locator("#amount input").blur();
            page.locator("#method vaadin-radio-button")
                    .filter(new Locator.FilterOptions().setHasText(Portal.DEMO_CHECKOUT)).click();
            page.locator("#pay").click();
            page.waitForURL(url -> url.contains("/demo-gateway/checkout/"));
            // The provider takes the payment (the checkout's POST reaches the customer's node), and the node dies
            // before the browser follows the provider's redirect back to the portal.
            AtomicBoolean killed = new AtomicBoolean();
            page.route(url -> url.contains("/demo-gateway/checkout/"), route -> {
                if (!"POST".equals(route.request().method())) {
                    route.resume();
                    return;
                }
                APIResponse paid = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
                assertThat(paid.status()).isEqualTo(303);
                ("a".equals(home) ? nodeA : nodeB).kill();
                killed.set(true);
                route.fulfill(new Route.FulfillOptions().setResponse(paid));
            });
            page.locator("button#pay").click();
            page.waitForURL(url -> url.contains("/login"));
            assertThat(killed).isTrue();
            Portal.signInAsDana(page);
            assertThat(nodeOf(customer)).isEqualTo(other);
            awaitBalance(page, new BigDecimal("8000"));
        }
        assertExactlyOneTopUpEntryPerCreditedPayment(2, new BigDecimal("8000"));
    }

    /** The ledger as the finance team would audit it: the balance is the sum of the entries, one per payment. */
    private static void assertExactlyOneTopUpEntryPerCreditedPayment(int payments, BigDecimal balance)
            throws SQLException {
        ProductionServer survivor = nodeA.alive() ? nodeA : nodeB;
        try (Connection db = survivor.database()) {
            List<String> references = new ArrayList<>();
            try (PreparedStatement entries = db.prepareStatement(
                    "select reference from ledger_entry where account_id = cast(? as uuid) and kind = 'TOP_UP'")) {
                entries.setString(1, STEPPE_NETWORKS);
                try (ResultSet rows = entries.executeQuery()) {
                    while (rows.next()) {
                        references.add(rows.getString(1));
                    }
                }
            }
            assertThat(references).hasSize(payments).doesNotHaveDuplicates();
            assertThat(number(db, "select count(*) from payment where account_id = cast(? as uuid) "
                    + "and status = 'CREDITED'")).isEqualByComparingTo(BigDecimal.valueOf(payments));
            assertThat(number(db, "select sum(amount_value) from ledger_entry where account_id = cast(? as uuid)"))
                    .isEqualByComparingTo(balance);
            assertThat(number(db, "select amount_value from account_balance where account_id = cast(? as uuid)"))
                    .isEqualByComparingTo(balance);
        }
    }

    private static BigDecimal number(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, STEPPE_NETWORKS);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBigDecimal(1);
            }
        }
    }

    /** The node HAProxy keeps this browser on: its affinity cookie. */
    private static String nodeOf(BrowserContext context) {
        return context.cookies(lbUrl).stream().filter(cookie -> NODE_COOKIE.equals(cookie.name)).map(c -> c.value)
                .findFirst().orElseThrow(() -> new AssertionError("HAProxy set no " + NODE_COOKIE + " cookie"));
    }

    private static void topUp(Page page, String amount) {
        page.navigate("/");
        page.locator("#amount input").fill(amount);
        page.locator("#amount input").blur();
        page.locator("#method vaadin-radio-button").filter(new Locator.FilterOptions().setHasText(Portal.DEMO_CHECKOUT))
                .click();
        page.locator("#pay").click();
        page.waitForURL(url -> url.contains("/demo-gateway/checkout/"));
        page.locator("button#pay").click();
        page.waitForURL(url -> url.contains("/history?payment="));
        assertThat(page.locator("#payment-banner")).containsText("was added to your balance");
    }

    private static void awaitBalance(Page page, BigDecimal expected) {
        long until = System.currentTimeMillis() + ONE_POLL_MILLIS;
        while (balance(page).compareTo(expected) != 0) {
            assertThat(System.currentTimeMillis()).as("balance %s within one poll", expected).isLessThan(until);
            page.waitForTimeout(3_000);
            page.reload();
        }
    }

    private static BigDecimal balance(Page page) {
        Locator balance = page.locator("#header-balance");
        assertThat(balance).containsText("KZT");
        return new BigDecimal(balance.textContent().replaceAll("[^0-9.\\-]", ""));
    }

    static {
        // The cluster's logs land next to the other browser apps' logs.
        try {
            Files.createDirectories(ProductionServer.projectDir().resolve("target"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
