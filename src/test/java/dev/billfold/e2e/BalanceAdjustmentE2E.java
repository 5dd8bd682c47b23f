package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Four eyes in the browser: the operator requests a credit above the approval limit on Morgan Web Studio, signs out;
 * finance2 approves it in the queue and the balance rises by exactly that amount. A credit only raises the demo
 * account's balance, which the other journeys compare before and after, so they are not disturbed.
 */
@ExtendWith(BrowserExtension.class)
class BalanceAdjustmentE2E {

    private static final String AMOUNT = "1234.56";

    @Test
    void the_operator_requests_a_credit_above_the_limit_and_finance2_approves_it_in_the_queue(Page page) {
        signIn(page, "operator");
        page.navigate("/ops/account?id=" + Portal.DEMO_ACCOUNT);
        BigDecimal before = balance(page);
        page.locator("#ops-adjust-balance").click();
        page.waitForURL(url -> url.contains("/ops/adjust?account="));
        page.locator("#adjust-amount input").fill(AMOUNT);
        page.locator("#adjust-category").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Goodwill")).click();
        page.locator("#adjust-note textarea").fill("Browser journey: outage credit");
        page.locator("#adjust-submit").click();
        assertThat(page.locator("#adjust-banner")).containsText("waits for a second Finance member's approval");
        page.locator("#ops-sign-out").click();
        page.waitForURL(url -> url.contains("/login"));

        signIn(page, "finance2");
        page.navigate("/ops/adjustments");
        assertThat(page.locator("#ops-nav-adjustments-count")).not().hasText("0");
        assertThat(page.locator("#adjustments-queue")).containsText("Credit $1,234.56");
        Locator approve = page.locator(".adjustment-approve").first();
        assertThat(approve).isVisible();
        BoundingBox box = approve.boundingBox();
        assertTrue(box.x >= 0 && box.x + box.width <= BrowserExtension.DESKTOP_WIDTH,
                "the Approve button is inside the window: " + box.x + " + " + box.width);
        approve.click();
        page.locator("#adjustment-decision-note textarea").fill("Checked the outage report");
        page.locator("#adjustment-decision-confirm").click();
        assertThat(page.locator("#adjustments-banner")).containsText("approved and posted");

        page.navigate("/ops/account?id=" + Portal.DEMO_ACCOUNT);
        assertThat(page.locator("#ops-account-balance"))
                .hasText("Balance " + Portal.usd(before.add(new BigDecimal(AMOUNT))));
    }

    private static void signIn(Page page, String username) {
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        // The sign-in may return to the page asked for last (the form), so any back-office page will do.
        page.waitForURL(url -> url.contains("/ops"));
    }

    private static BigDecimal balance(Page page) {
        Locator balance = page.locator("#ops-account-balance");
        assertThat(balance).containsText("$");
        return Portal.parseUsd(balance.textContent().substring("Balance ".length()));
    }
}
