package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.DEMO_CHECKOUT;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser tests run the production jar as a showroom (billfold.showroom=true, docs/security.md item 1): every page
 * says that no real money moves, the sign-in page and the demo checkout included, and the notice is never in the way.
 */
@ExtendWith(BrowserExtension.class)
class ShowroomE2E {

    private static final String NOTICE = "Showroom: demo data and test cards only. No real money moves here.";

    @Test
    void every_page_of_a_showroom_and_its_demo_checkout_say_that_no_real_money_moves(Page page) {
        page.navigate("/login");
        assertThat(page.locator("#showroom-banner")).hasText(NOTICE);
        assertThat(page.locator("#showroom-banner")).hasAttribute("role", "status");

        var portal = new Portal(page).signInAsDemo();
        assertThat(page.locator("#showroom-banner")).hasText(NOTICE);
        portal.openHistory();
        assertThat(page.locator("#showroom-banner")).hasText(NOTICE);

        portal.openTopUp().typeAmount("12").chooseMethod(DEMO_CHECKOUT);
        portal.payAndExpectCheckout();
        assertThat(page.locator(".no-real-money")).hasText(
                "Demo Pay is Billfold's demo provider: test cards only. No real money moves.");
        portal.actAtCheckout("pay");
        assertThat(portal.banner()).hasAttribute("data-kind", "credited");
    }
}
