package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail in the browser, both ways. The demo customer switches auto-renew of the dedicated server off and on
 * again (so the other journeys find it as it was) and sees both on Activity; the operator opens the account, writes a
 * note the customer may read, and finds it and the customer's switch in the account's trail and on ops/audit; the
 * customer then reads the note from "Billing team", never from the operator by name.
 */
@ExtendWith(BrowserExtension.class)
class AuditTrailE2E {

    private static final String SERVER = "5e000000-0000-0000-0000-000000000001";
    private static final String SERVER_NAME = "Dedicated server DS-2 (Amsterdam)";
    private static final String OPERATOR_NAME = "Olivia Operator";

    @Test
    void a_customers_switch_and_a_note_from_the_operator_show_on_activity_and_in_the_back_offices_trail(Page page) {
        String note = "We have received your transfer " + UUID.randomUUID().toString().substring(0, 8);
        new Portal(page).signInAsDemo();
        page.navigate("/renewals");
        Locator autoRenew = page.locator("#auto-renew-" + SERVER + " input");
        assertThat(autoRenew).isChecked();
        autoRenew.click();
        assertThat(page.locator("#renewal-message")).containsText("automatic renewal is off");
        autoRenew.click();
        assertThat(page.locator("#renewal-message")).containsText("automatic renewal is on");

        page.navigate("/activity");
        Locator activity = page.locator("#activity-grid");
        assertThat(activity).containsText("Switched auto-renewal on for " + SERVER_NAME);
        assertThat(activity).containsText("Switched auto-renewal off for " + SERVER_NAME);
        signOut(page);

        signInStaff(page, "operator");
        page.navigate("/ops/account?id=" + Portal.DEMO_ACCOUNT);
        page.locator("#note-text textarea").fill(note);
        page.locator("#note-customer-visible input").check();
        page.locator("#note-add").click();
        assertThat(page.locator("#ops-account-banner")).hasText("Note added.");
        assertThat(page.locator("#ops-account-notes")).containsText(note);
        Locator trail = page.locator("#ops-account-trail");
        assertThat(trail).containsText(note);
        assertThat(trail).containsText(OPERATOR_NAME);
        assertThat(trail).containsText("Switched auto-renewal on for " + SERVER_NAME);
        String number = page.locator("#ops-account-number").textContent().replace("Account number ", "").strip();

        page.locator("#ops-nav-audit").click();
        page.waitForURL(url -> url.endsWith("/ops/audit"));
        page.locator("#audit-account input").fill(number);
        page.locator("#audit-account input").press("Enter");
        Locator all = page.locator("#audit-grid");
        assertThat(all).containsText(note);
        assertThat(all).containsText("Switched auto-renewal off for " + SERVER_NAME);
        page.locator("#audit-actor input").fill("operator");
        page.locator("#audit-actor input").press("Enter");
        assertThat(all).containsText(note);
        // The grid keeps recycled rows hidden in the page, with their old text: only shown cells count.
        assertThat(all.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Switched auto-renewal").setVisible(true))).hasCount(0);
        page.locator("#ops-sign-out").click();
        page.waitForURL(url -> url.contains("/login"));

        new Portal(page).signInAsDemo();
        page.navigate("/activity");
        assertThat(activity).containsText(note);
        assertThat(activity).containsText("Billing team");
        assertThat(activity).not().containsText(OPERATOR_NAME);
        assertThat(activity).not().containsText("operator");
    }

    private static void signOut(Page page) {
        page.locator("vaadin-button.sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
    }

    private static void signInStaff(Page page, String username) {
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> url.contains("/ops"));
    }
}
