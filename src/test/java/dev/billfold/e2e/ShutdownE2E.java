package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18's SIGTERM with real processes (DD-081, DD-087): production jars on one PostgreSQL, stopped as an
 * orchestrator stops them ({@code process.destroy()} is SIGTERM).
 * <ol>
 *   <li>Node A is terminated in the middle of a poller cycle (the provider calls held to one a second, so the cycle is
 *       slow): its readiness goes down, it exits within the limit with the JVM's SIGTERM code and logs its shutdown;
 *       the payments it did not get to are due again at once; node B, started after, credits every payment once.</li>
 *   <li>Node B is terminated while a customer's browser follows the provider's redirect back to it: the return is
 *       either finished by B or lost with it; the customer signs in on A (restarted) and the top-up is credited
 *       exactly once either way.</li>
 * </ol>
 */
@ExtendWith(BrowserExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShutdownE2E {

    private static final int PAYMENTS = 12;
    /** BILLFOLD_SHUTDOWN_TIMEOUT's default plus the background wait's, with room for the JVM to end. */
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(60);
    private static final int SIGTERM_EXIT = 143;
    private static final String STEPPE_NETWORKS = "a0000000-0000-0000-0000-000000000002";
    private static final List<String> SLOW_POLLER = List.of("--billfold.poller.interval=PT1S",
            "--billfold.poller.calls-per-second=1", "--logging.level.dev.billfold=INFO");

    private static ProductionServer nodeA;
    private static ProductionServer nodeB;

    @BeforeAll
    static void startNodeA() {
        nodeA = ProductionServer.start("shutdown-a", List.of(), SLOW_POLLER);
    }

    @AfterAll
    static void stopTheNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    @Order(1)
    void sigterm_during_a_poller_cycle_gives_back_the_unasked_payments_and_the_next_node_credits_each_once()
            throws Exception {
        List<UUID> payments;
        try (Connection db = nodeA.database()) {
            payments = ClusterLedger.paidCheckoutsWaiting(db, PAYMENTS);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (ClusterLedger.credited(db, payments) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(ClusterLedger.credited(db, payments)).as("A's poller is under way").isGreaterThanOrEqualTo(2);
        }
        assertThat(readiness(nodeA)).isEqualTo(200);

        Set<Integer> readinessAfterSigterm = new ConcurrentSkipListSet<>();
        try (ExecutorService probe = Executors.newSingleThreadExecutor()) {
            probe.submit(() -> {
                while (nodeA.alive()) {
                    readinessAfterSigterm.add(readiness(nodeA));
                    ProductionServer.sleep(20);
                }
            });
            nodeA.terminate();
            assertThat(nodeA.awaitExit(EXIT_LIMIT)).as("exit code after SIGTERM").isEqualTo(SIGTERM_EXIT);
        }
        Instant exited = Instant.now();
        System.err.println("shutdown-a: readiness after SIGTERM answered " + readinessAfterSigterm);
        assertThat(readinessAfterSigterm).as("readiness went down (503) while A shut down").contains(503);
        String log = Files.readString(nodeA.log(), StandardCharsets.UTF_8);
        assertThat(log).contains("Shutdown: released", "Shutdown: background jobs stopped claiming",
                "Graceful shutdown complete");

        int creditedByA;
        try (Connection db = nodeA.database()) {
            creditedByA = ClusterLedger.credited(db, payments);
            assertThat(creditedByA).as("A stopped mid-cycle").isBetween(2, PAYMENTS - 1);
            for (UUID payment : payments) {
                if (!"CREDITED".equals(ClusterLedger.status(db, payment))) {
                    assertThat(ClusterLedger.nextCheck(db, payment))
                            .as("given back at shutdown, not leased for 2 minutes").isBeforeOrEqualTo(exited);
                }
            }
        }
        System.err.printf("shutdown-a: credited %d of %d before it stopped%n", creditedByA, PAYMENTS);

        nodeB = nodeA.anotherNode("shutdown-b", List.of());
        try (Connection db = nodeA.database()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (ClusterLedger.credited(db, payments) < PAYMENTS && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            ClusterLedger.assertCreditedOnce(db, payments);
            ClusterLedger.assertBalanceIsTheSumOfEntries(db, ClusterLedger.MORGAN_WEB_STUDIO);
        }
    }

    @Test
    @Order(2)
    void sigterm_while_the_customer_returns_from_the_provider_credits_the_top_up_once(Page shared) throws Exception {
        assertThat(nodeB).as("the first test left node B running").isNotNull();
        Browser browser = shared.context().browser();
        UUID payment;
        boolean finishedByB;
        try (BrowserContext customer = Portal.newContext(browser, nodeB.baseUrl())) {
            Page page = customer.newPage();
            Portal.signInAsDana(page);
            page.navigate("/");
            page.locator("#amount input").fill("3000");
            page.locator("#amount input").blur();
            page.locator("#method vaadin-radio-button")
                    .filter(new Locator.FilterOptions().setHasText(Portal.DEMO_CHECKOUT)).click();
            page.locator("#pay").click();
            page.waitForURL(url -> url.contains("/demo-gateway/checkout/"));
            // The provider takes the payment; as its redirect sends the browser back, B gets SIGTERM.
            page.route(url -> url.contains("/demo-gateway/checkout/"), route -> {
                if (!"POST".equals(route.request().method())) {
                    route.resume();
                    return;
                }
                APIResponse paid = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
                assertThat(paid.status()).isEqualTo(303);
                nodeB.terminate();
                route.fulfill(new Route.FulfillOptions().setResponse(paid));
            });
            page.locator("button#pay").click();
            try {
                page.waitForURL(url -> url.contains("/history?payment="),
                        new Page.WaitForURLOptions().setTimeout(30_000));
                assertThat(page.locator("#payment-banner")).containsText("was added to your balance");
                finishedByB = true;
            } catch (PlaywrightException | AssertionError lostWithB) {
                finishedByB = false;
            }
            assertThat(nodeB.awaitExit(EXIT_LIMIT)).as("B's exit code after SIGTERM").isEqualTo(SIGTERM_EXIT);
            Matcher id = Pattern.compile("payment=([0-9a-f-]{36})").matcher(page.url());
            payment = finishedByB && id.find() ? UUID.fromString(id.group(1)) : null;
        }
        System.err.println("shutdown-b: the return " + (finishedByB ? "was finished by B during its shutdown"
                : "was lost with B; the customer retries on A"));
        assertThat(Files.readString(nodeB.log(), StandardCharsets.UTF_8)).contains("Graceful shutdown complete");

        // The customer comes back on the other node (A, restarted), signs in and finds the top-up credited once.
        nodeA.restart();
        try (BrowserContext customer = Portal.newContext(browser, nodeA.baseUrl())) {
            Page page = customer.newPage();
            Portal.signInAsDana(page);
            try (Connection db = nodeA.database()) {
                if (payment == null) {
                    payment = (UUID) ClusterLedger.single(db, "select id from payment where account_id = cast(? as "
                            + "uuid) and amount_value = 3000 order by created_at desc limit 1", STEPPE_NETWORKS);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (!"CREDITED".equals(ClusterLedger.status(db, payment)) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                ClusterLedger.assertCreditedOnce(db, List.of(payment));
                ClusterLedger.assertBalanceIsTheSumOfEntries(db, STEPPE_NETWORKS);
            }
            page.navigate("/history");
            Locator balance = page.locator("#header-balance");
            assertThat(balance).containsText("KZT");
            assertThat(new BigDecimal(balance.textContent().replaceAll("[^0-9.\\-]", "")))
                    .as("the balance the customer sees").isEqualByComparingTo("3000");
        }
    }

    /** The status of A's or B's readiness probe on its management port; -1 when nothing answers. */
    private static int readiness(ProductionServer node) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(node.managementUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException refused) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

}
