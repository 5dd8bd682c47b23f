package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.usd;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guarded auto top-up on the demo account (issue 22, journeys 2 and 3), in a real browser against the production
 * jar: set on the renewals tab, it fires when a renewal from the balance takes the balance under the threshold; with
 * a card that saves and then declines (the demo's 4000 0000 0000 0341) the decline shows its waiting time and the
 * choice to try again. Each test switches it off again, since the other journeys share the demo account.
 */
@ExtendWith(BrowserExtension.class)
class AutoTopUpE2E {

    /** "Extra IPv4 address 203.0.113.17", $3.00 a month (db/demo/R__demo_data.sql). */
    private static final String IP_ADDRESS = "5e000000-0000-0000-0000-000000000002";
    private static final String DECLINES_WHEN_CHARGED = "4000000000000341";

    @Test
    void a_renewal_that_takes_the_balance_under_the_threshold_tops_it_up_from_the_default_card(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();
        openRenewals(page);
        try {
            setAutoTopUp(page, before.subtract(BigDecimal.ONE), "50.00");
            renewTheIpAddress(page);

            // The top-up runs once the renewal has committed; the page shows it on the next visit
            BigDecimal expected = before.subtract(new BigDecimal("3.00")).add(new BigDecimal("50.00"));
            awaitOnRenewals(page, portal.headerBalance(), usd(expected));
            assertThat(page.locator("#renewal-activity")).containsText("$50.00 was topped up from Visa •••• 4242");
            assertThat(page.locator("#auto-top-up-status")).containsText("$50.00 topped up automatically");
        } finally {
            switchOff(page);
        }
    }

    @Test
    void a_declined_auto_top_up_shows_the_waiting_time_and_the_choice_to_try_again(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();
        addTheCardThatDeclinesWhenCharged(page);
        openRenewals(page);
        try {
            setAutoTopUp(page, before.add(new BigDecimal("100.00")), "50.00");
            portal.chooseInSelect(page.locator("#auto-top-up-method"), "Visa •••• 0341");
            page.locator("#auto-top-up-save").click();
            assertThat(page.locator("#renewal-message")).hasText("Automatic top-up saved.");
            renewTheIpAddress(page);

            awaitOnRenewals(page, page.locator("#auto-top-up-status"),
                    Pattern.compile("^1 declined top-up in a row: the next attempt is not before .+"));
            assertThat(page.locator("#renewal-activity"))
                    .containsText("Automatic top-up declined: The top-up of $50.00 from Visa •••• 0341");
            assertThat(page.locator("#renewal-activity")).containsText("Your card was declined. No new attempt before");
            assertThat(page.locator("#renewal-activity .activity-item[data-kind='auto_top_up_declined']"))
                    .hasAttribute("data-failure", "true");
            assertThat(page.locator("#auto-top-up-reset")).isVisible();
            assertThat(portal.headerBalance()).hasText(usd(before.subtract(new BigDecimal("3.00"))));
        } finally {
            switchOff(page);
            removeTheCard(page);
        }
    }

    private static void openRenewals(Page page) {
        page.navigate("/renewals");
        assertThat(page.locator("#auto-top-up-form")).isVisible();
    }

    private static void setAutoTopUp(Page page, BigDecimal below, String amount) {
        page.locator("#auto-top-up input").check();
        page.locator("#auto-top-up-when vaadin-radio-button")
                .filter(new Locator.FilterOptions().setHasText("When the balance falls below an amount")).click();
        fill(page, "#auto-top-up-below-balance", below.toPlainString());
        page.locator("#auto-top-up-how vaadin-radio-button")
                .filter(new Locator.FilterOptions().setHasText("A fixed amount")).click();
        fill(page, "#auto-top-up-amount", amount);
        page.locator("#auto-top-up-save").click();
        assertThat(page.locator("#renewal-message")).hasText("Automatic top-up saved.");
    }

    private static void fill(Page page, String field, String value) {
        Locator input = page.locator(field + " input");
        input.fill(value);
        input.blur();
    }

    private static void renewTheIpAddress(Page page) {
        page.locator("#renew-" + IP_ADDRESS + " input").check();
        assertThat(page.locator("#renew-from-balance")).hasText("Pay $3.00 from the balance");
        page.locator("#renew-from-balance").click();
        assertThat(page.locator("#renewal-message")).containsText("$3.00 was charged to your balance.");
    }

    /** Opens the renewals tab again until {@code locator} says what is expected, for up to 20 seconds. */
    private static void awaitOnRenewals(Page page, Locator locator, Object expected) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            page.navigate("/renewals");
            assertThat(page.locator("#auto-top-up-form")).isVisible();
            try {
                if (expected instanceof Pattern pattern) {
                    assertThat(locator).hasText(pattern, new com.microsoft.playwright.assertions.LocatorAssertions
                            .HasTextOptions().setTimeout(1_000));
                } else {
                    assertThat(locator).hasText((String) expected, new com.microsoft.playwright.assertions
                            .LocatorAssertions.HasTextOptions().setTimeout(1_000));
                }
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    /** Off, and the waiting time after a decline cleared, so that the next journey starts afresh. */
    private static void switchOff(Page page) {
        openRenewals(page);
        page.locator("#auto-top-up input").uncheck();
        if (page.locator("#auto-top-up-reset").isVisible()) {
            page.locator("#auto-top-up-reset input").check();
        }
        page.locator("#auto-top-up-save").click();
        assertThat(page.locator("#auto-top-up-status")).containsText("Automatic top-up is off.");
    }

    private static void addTheCardThatDeclinesWhenCharged(Page page) {
        page.navigate("/payment-methods");
        page.locator("#add-method").click();
        page.waitForURL(Pattern.compile(".*/demo-gateway/setup/seti_demo_[^/?#]+$"));
        page.locator("select#card").selectOption(DECLINES_WHEN_CHARGED);
        page.locator("button#save").click();
        page.waitForURL(Pattern.compile(".*/payment-methods$"));
        assertThat(card(page)).containsText("Confirmed");
    }

    private static void removeTheCard(Page page) {
        page.navigate("/payment-methods");
        card(page).locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Remove")).click();
        page.locator("#confirm-remove").click();
        assertThat(card(page)).hasCount(0);
    }

    private static Locator card(Page page) {
        return page.locator(".method-card").filter(new Locator.FilterOptions().setHasText("Visa •••• 0341"));
    }
}
