package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Money that goes back, made on the demo provider's own dashboard and learnt by Billfold's poller (DD-069, DD-070):
 * (2) a refund shows in the history and lowers the balance within one poll; (3) a dispute of a spent top-up takes the
 * balance below zero, every page explains it, and auto-renewal is paused. Dana Sultan's Steppe Networks (KZT) is used,
 * which only PayInAnotherCurrencyE2E also pays into (other amounts, less than the VPS's month in all, so that the
 * dispute still overdraws); each journey hands its money back at the end (a full refund, a dispute won and a refund of
 * the rest), so the balance ends where it began and the journeys that read it are not disturbed.
 */
@ExtendWith(BrowserExtension.class)
class ProviderRefundsE2E {

    /** A poll is a minute in the embedded default; this is one poll and the time the page needs to ask again. */
    private static final double ONE_POLL_MILLIS = 100_000;
    private static final String VPS = "5e000000-0000-0000-0000-000000000005";

    @Test
    void a_refund_on_the_demo_providers_dashboard_shows_in_the_history_and_lowers_the_balance_within_one_poll(
            Page page, ProductionApp app) {
        Portal.signInAsDana(page);
        BigDecimal before = balance(page);
        topUp(page, "20000");

        onDashboard(page, app, dashboard -> refund(dashboard, "KZT 20,000.00", "5000"));

        page.navigate("/history");
        awaitAfterPolls(page, page.locator("#history-grid"), "Refunded KZT 5,000.00 of KZT 20,000.00");
        assertThat(page.locator("#history-grid")).containsText("Credited");
        assertThat(balance(page)).isEqualByComparingTo(before.add(new BigDecimal("15000")));

        // The rest goes back too: a full refund makes the payment Refunded, and the balance is where it began.
        onDashboard(page, app, dashboard -> refund(dashboard, "KZT 20,000.00", "15000"));
        page.navigate("/history");
        awaitAfterPolls(page, page.locator("#history-grid"), "Refunded");
        awaitBalance(page, before);
    }

    @Test
    void a_dispute_of_a_spent_top_up_takes_the_balance_below_zero_every_page_says_why_and_auto_renewal_pauses(
            Page page, ProductionApp app) {
        Portal.signInAsDana(page);
        BigDecimal before = balance(page);
        topUp(page, "10000");
        page.navigate("/renewals");
        page.locator("#renew-" + VPS + " input").check();
        page.locator("#renew-from-balance").click();
        assertThat(page.locator("#renewal-message")).hasAttribute("data-kind", "success");
        BigDecimal spent = before.add(new BigDecimal("10000")).subtract(balance(page));
        assertThat(spent).isPositive();

        onDashboard(page, app, dashboard -> section(dashboard, "KZT 10,000.00")
                .locator("button[id^='dispute-']").click());

        page.navigate("/history");
        Locator notice = page.locator("#negative-balance-notice");
        awaitAfterPolls(page, notice, "after a dispute of a card payment");
        BigDecimal negative = before.subtract(spent);
        assertThat(negative.signum()).as("the top-up was spent, so the dispute overdraws").isNegative();
        assertThat(notice).hasText("Your balance is \u2212%s KZT after a dispute of a card payment. Top up to bring it "
                .formatted(String.format(java.util.Locale.US, "%,.2f", negative.negate()))
                + "back to zero; until then auto-renewal is paused.");
        assertThat(page.locator("#history-grid")).containsText("Disputed: open");
        page.navigate("/renewals");
        assertThat(page.locator("#negative-balance-notice")).containsText("auto-renewal is paused");
        assertThat(balance(page)).isEqualByComparingTo(negative);

        // The dispute is won (credited back once) and the unspent part refunded: the balance is where it began.
        BigDecimal unspent = new BigDecimal("10000").subtract(spent);
        onDashboard(page, app, dashboard -> {
            section(dashboard, "KZT 10,000.00").locator("button[id^='won-']").click();
            assertThat(dashboard.locator("#notice")).hasText("Done.");
            refund(dashboard, "KZT 10,000.00", unspent.toPlainString());
        });
        awaitBalance(page, before);
        assertThat(page.locator("#negative-balance-notice")).hasCount(0);
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

    /** The demo provider's dashboard, as the provider's Finance staff (the operator) use it, in a browser of its own. */
    private static void onDashboard(Page customer, ProductionApp app, Consumer<Page> act) {
        Browser browser = customer.context().browser();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(app.baseUrl())
                .setLocale("en-US").setTimezoneId("UTC"))) {
            Page staff = context.newPage();
            staff.navigate("/login");
            staff.locator("vaadin-login-form input[name='username']").fill("operator");
            staff.locator("vaadin-login-form input[name='password']").fill("demo");
            staff.locator("vaadin-login-form vaadin-button[slot='submit']").click();
            staff.waitForURL(url -> !url.contains("/login"));
            staff.navigate("/demo-gateway/dashboard");
            act.accept(staff);
        }
    }

    /** The newest payment of Dana's with this amount on the dashboard. */
    private static Locator section(Page dashboard, String amount) {
        return dashboard.locator("section.payment").filter(new Locator.FilterOptions().setHasText("IP Dana Sultan"))
                .filter(new Locator.FilterOptions().setHasText(amount)).first();
    }

    private static void refund(Page dashboard, String paymentAmount, String amount) {
        Locator payment = section(dashboard, paymentAmount);
        payment.locator("input[name='amount']").fill(amount);
        payment.locator("button.primary").click();
        assertThat(dashboard.locator("#notice")).hasText("Refund created.");
    }

    /** Reloads until {@code where} shows {@code text}: the poller learns it in its next cycle, within a minute. */
    private static void awaitAfterPolls(Page page, Locator where, String text) {
        long until = System.currentTimeMillis() + (long) ONE_POLL_MILLIS;
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

    private static void awaitBalance(Page page, BigDecimal expected) {
        long until = System.currentTimeMillis() + (long) ONE_POLL_MILLIS;
        while (balance(page).compareTo(expected) != 0) {
            assertThat(System.currentTimeMillis()).as("balance %s within one poll", expected).isLessThan(until);
            page.waitForTimeout(3_000);
            page.reload();
        }
    }

    /** The header's balance: "KZT 1,500.00", "-KZT9,500.00". */
    private static BigDecimal balance(Page page) {
        Locator balance = page.locator("#header-balance");
        assertThat(balance).containsText("KZT");
        return new BigDecimal(balance.textContent().replaceAll("[^0-9.\\-]", ""));
    }
}
