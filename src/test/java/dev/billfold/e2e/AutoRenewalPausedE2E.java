package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, journey 3 to its end: a dispute of a spent top-up takes the balance below zero, and the auto-renewal job,
 * watched running, charges nothing (DD-069). The shared app never runs the daily job (it would renew the other
 * journeys' services), so this journey has a production jar of its own whose job runs every five seconds. A service
 * due tomorrow with auto-renewal on is added through the integration API after the dispute; the renewal activity then
 * says the renewal is paused, and the balance and the service's paid time stay where they were.
 */
@ExtendWith(BrowserExtension.class)
class AutoRenewalPausedE2E {

    private static final String STEPPE_NETWORKS = "a0000000-0000-0000-0000-000000000002";
    private static final String VPS = "5e000000-0000-0000-0000-000000000005";
    private static final String DEMO_KEY = "bfk_test_demoHr0op4T2abnEn5VJzBcKc7pbL72nazTFmWZnRD8";
    /** The demo provider's poller asks every minute; this is one poll and the time the page needs to ask again. */
    private static final long ONE_POLL_MILLIS = 100_000;
    /** The job runs every five seconds here; a few runs. */
    private static final long A_FEW_RUNS_MILLIS = 30_000;

    private static ProductionServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startAnAppWhoseAutoRenewalRunsEveryFiveSeconds() {
        server = ProductionServer.start("autorenewal", List.of(), List.of("--billfold.renewals.cron=*/5 * * * * *"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void after_a_dispute_overdraws_the_balance_the_running_auto_renewal_job_charges_nothing(Page shared)
            throws Exception {
        try (BrowserContext context = browser(shared)) {
            Page page = context.newPage();
            signIn(page, "other");
            BigDecimal before = balance(page);
            topUp(page, "10000");
            page.navigate("/renewals");
            page.locator("#renew-" + VPS + " input").check();
            page.locator("#renew-from-balance").click();
            assertThat(page.locator("#renewal-message")).hasAttribute("data-kind", "success");

            try (BrowserContext staffContext = browser(shared)) {
                Page dashboard = staffContext.newPage();
                signIn(dashboard, "operator");
                dashboard.navigate("/demo-gateway/dashboard");
                dashboard.locator("section.payment").filter(new Locator.FilterOptions().setHasText("KZT 10,000.00"))
                        .first().locator("button[id^='dispute-']").click();
            }
            page.navigate("/renewals");
            awaitAfterReloads(page, page.locator("#negative-balance-notice"), "auto-renewal is paused", ONE_POLL_MILLIS);
            BigDecimal overdrawn = balance(page);
            assertThat(overdrawn.signum()).as("the top-up was spent, so the dispute overdraws").isNegative();
            assertThat(overdrawn).isLessThan(before);

            LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
            String service = createAutoRenewingService(tomorrow);

            awaitAfterReloads(page, page.locator("#renewal-activity"), "Auto-renewal paused: the balance is below zero",
                    A_FEW_RUNS_MILLIS);
            assertThat(page.locator("#renewal-activity")).containsText("Nothing is charged");
            // A few more runs: still nothing charged, and the new service's paid time has not moved.
            page.waitForTimeout(10_000);
            page.reload();
            assertThat(balance(page)).isEqualByComparingTo(overdrawn);
            assertThat(get("/api/v1/services/" + service).body()).contains("\"paidUntil\":\"" + tomorrow + "\"");
        }
    }

    private Browser.NewContextOptions options() {
        return new Browser.NewContextOptions().setBaseURL(server.baseUrl()).setLocale("en-US").setTimezoneId("UTC");
    }

    private BrowserContext browser(Page shared) {
        BrowserContext context = shared.context().browser().newContext(options());
        context.setDefaultTimeout(20_000);
        return context;
    }

    private String createAutoRenewingService(LocalDate paidUntil) throws Exception {
        String body = """
                {"kind":"VPS","name":"VPS Almaty-3 (auto)","price":{"value":"1000.00","currency":"KZT"},
                 "period":"MONTH","paidUntil":"%s","autoRenew":true}""".formatted(paidUntil);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/accounts/" + STEPPE_NETWORKS + "/services"))
                .header("Authorization", "Bearer " + DEMO_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + DEMO_KEY).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void signIn(Page page, String user) {
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill(user);
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> !url.contains("/login"));
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

    private static void awaitAfterReloads(Page page, Locator where, String text, long withinMillis) {
        long until = System.currentTimeMillis() + withinMillis;
        while (true) {
            try {
                assertThat(where).containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(5_000));
                return;
            } catch (AssertionError notYet) {
                if (System.currentTimeMillis() > until) {
                    throw notYet;
                }
                page.reload();
            }
        }
    }

    /** The header's balance: "KZT 1,500.00", "-KZT9,500.00". */
    private static BigDecimal balance(Page page) {
        Locator balance = page.locator("#header-balance");
        assertThat(balance).containsText("KZT");
        return new BigDecimal(balance.textContent().replaceAll("[^0-9.\\-]", ""));
    }
}
