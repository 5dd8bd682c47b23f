package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo user owns Morgan Web Studio and views Steppe Networks: switching accounts in the header, and inviting a
 * member. The other browser tests share the database and expect demo in Morgan Web Studio, so each journey leaves
 * things as it found them.
 */
@ExtendWith(BrowserExtension.class)
class AccountsAndMembersE2E {

    private static final String MORGAN = "Morgan Web Studio · Owner";
    private static final String STEPPE = "Steppe Networks · Viewer";
    private static final Pattern USD = Pattern.compile("^\\$[\\d,]+\\.\\d{2}$");

    @Test
    void switching_to_an_account_where_demo_is_a_viewer_shows_its_balance_read_only_and_survives_a_reload(Page page) {
        var portal = new Portal(page).signInAsDemo();
        assertThat(page.locator("#account-switcher")).containsText(MORGAN);
        try {
            chooseAccount(page, STEPPE);
            // Any KZT balance: Dana's journeys top this shared account up (PayInAnotherCurrencyE2E), in either order.
            assertThat(portal.headerBalance()).hasText(Portal.KZT_AMOUNT);
            assertThat(page.locator("#read-only-note")).containsText("Your role here is Viewer");
            assertThat(portal.payButton()).hasCount(0);
            assertThat(page.locator("#drawer-menu a").filter(new Locator.FilterOptions().setHasText("Members"))).hasCount(0);

            page.reload();
            assertThat(page.locator("#account-switcher")).containsText(STEPPE);
            assertThat(portal.headerBalance()).hasText(Portal.KZT_AMOUNT);
        } finally {
            chooseAccount(page, MORGAN);
        }
        assertThat(portal.headerBalance()).hasText(USD);
        assertThat(portal.payButton()).isVisible();
    }

    @Test
    void the_owner_invites_a_billing_member_sees_it_pending_and_withdraws_it(Page page) {
        new Portal(page).signInAsDemo();
        page.locator("#drawer-menu a").filter(new Locator.FilterOptions().setHasText("Members")).click();
        page.waitForURL(url -> url.endsWith("/members"));
        assertThat(page.locator("#member-list")).containsText("Alex Morgan (you)");
        assertThat(page.locator("#member-list")).containsText("Jordan Lee");

        String email = "colleague-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        page.locator("#invite-email input").fill(email);
        choose(page, page.locator("#invite-role"), "Billing: top up, renew, payment methods");
        page.locator("#invite").click();

        assertThat(page.locator("#members-message")).hasText("Invitation sent to " + email + " as Billing.");
        Locator pending = page.locator("#invitation-list .member-row").filter(new Locator.FilterOptions().setHasText(email));
        assertThat(pending).containsText("Billing · expires");

        pending.locator("vaadin-button").click();
        assertThat(page.locator("#members-message")).hasText("The invitation to " + email + " was withdrawn.");
        assertThat(pending).hasCount(0);

        // Removing asks first; cancelling leaves Jordan in the account (the other journeys rely on the demo data).
        Locator jordan = page.locator("#member-list .member-row").filter(new Locator.FilterOptions().setHasText("Jordan Lee"));
        jordan.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Remove")).click();
        Locator question = page.getByText("Remove Jordan Lee?");
        assertThat(question).isVisible();
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Cancel")).click();
        assertThat(question).isHidden();
        assertThat(jordan).containsText("Jordan Lee");
    }

    @Test
    void an_invitation_link_opened_signed_out_asks_for_sign_in_and_then_answers_on_the_invitation_page(Page page) {
        page.navigate("/invitation/" + UUID.randomUUID());
        page.waitForURL(url -> url.contains("/login"));
        page.locator("vaadin-login-form input[name='username']").fill("billing");
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();

        page.waitForURL(url -> url.contains("/invitation/"));
        assertThat(page.locator("#invitation-outcome")).containsText("This invitation link is not valid any more");
        assertThat(page.locator("#invitation-outcome")).hasAttribute("data-kind", "error");
    }

    private static void chooseAccount(Page page, String label) {
        choose(page, page.locator("#account-switcher"), label);
        assertThat(page.locator("#account-switcher")).containsText(label);
    }

    /** Opens a select and picks an item, retrying when the click lands on an overlay that is still closing. */
    private static void choose(Page page, Locator select, String label) {
        Locator item = page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(label));
        for (int attempt = 1; ; attempt++) {
            item.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
            select.click();
            try {
                item.click(new Locator.ClickOptions().setTimeout(3_000));
                return;
            } catch (TimeoutError closedAgain) {
                if (attempt == 3) {
                    throw closedAgain;
                }
            }
        }
    }
}
