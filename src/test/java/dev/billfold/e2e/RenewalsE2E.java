package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.usd;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Renewals as a customer makes them, in a real browser against the production jar on PostgreSQL: the demo account's
 * suspended IP address (demo data) is renewed from the balance, and the header balance drops by its price.
 */
@ExtendWith(BrowserExtension.class)
class RenewalsE2E {

    /** "Extra IPv4 address 203.0.113.17", suspended, $3.00 a month (db/demo/R__demo_data.sql). */
    private static final String SUSPENDED_IP = "5e000000-0000-0000-0000-000000000002";

    @Test
    void renewing_a_suspended_service_from_the_balance_switches_it_on_and_the_header_balance_drops(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();

        page.locator("#tab-renewals").click();
        page.waitForURL(Pattern.compile(".*/renewals$"));
        assertThat(page.locator("#status-" + SUSPENDED_IP)).hasText("Suspended");
        assertThat(page.locator("#renew-from-balance")).isDisabled();

        page.locator("#renew-" + SUSPENDED_IP + " input").check();
        assertThat(page.locator("#renewal-total")).containsText("Total $3.00");
        assertThat(page.locator("#renew-from-balance")).hasText("Pay $3.00 from the balance");
        page.locator("#renew-from-balance").click();

        assertThat(page.locator("#renewal-message")).hasAttribute("data-kind", "success");
        assertThat(page.locator("#renewal-message")).containsText("$3.00 was charged to your balance.");
        assertThat(page.locator("#status-" + SUSPENDED_IP)).hasText("Active");
        assertThat(portal.headerBalance()).hasText(usd(before.subtract(new BigDecimal("3.00"))));
        assertThat(page.locator("#renewal-activity")).containsText("Renewed for 1 month");

        page.locator("#tab-top-up").click();
        page.waitForURL(url -> !url.contains("/renewals"));
        assertThat(page.locator("#balance")).hasText(usd(before.subtract(new BigDecimal("3.00"))));
    }
}
