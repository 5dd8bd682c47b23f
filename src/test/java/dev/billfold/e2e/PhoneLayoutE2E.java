package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.DEMO_CHECKOUT;
import static dev.billfold.e2e.Portal.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Most customers pay from a phone: the portal must fit a small screen without sideways scrolling. */
@ExtendWith(BrowserExtension.class)
class PhoneLayoutE2E {

    @Test
    @Viewport(width = 375, height = 812)
    void phone_sized_top_up_and_history_fit_the_screen_and_a_checkout_top_up_works(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();
        assertThat(portal.fitsTheWindowWidth()).as("top-up page: %s", portal.widthReport()).isTrue();

        portal.typeAmount("25").chooseMethod(DEMO_CHECKOUT);
        portal.payButton().scrollIntoViewIfNeeded();
        assertThat(portal.payButton()).isInViewport();
        portal.payAndExpectCheckout();
        assertThat(portal.fitsTheWindowWidth()).as("demo checkout page: %s", portal.widthReport()).isTrue();
        portal.actAtCheckout("pay");

        assertThat(portal.banner()).hasAttribute("data-kind", "credited");
        assertThat(portal.headerBalance()).hasText(usd(before.add(new BigDecimal("25.00"))));
        assertThat(portal.fitsTheWindowWidth()).as("history with the payment's detail: %s", portal.widthReport()).isTrue();

        portal.openHistory().historyRowCount();
        assertThat(portal.fitsTheWindowWidth()).as("history: %s", portal.widthReport()).isTrue();

        // The menu sits in an overlay drawer on a phone: open it, follow a link, and the drawer gets out of the way.
        page.locator("vaadin-drawer-toggle").click();
        Locator methods = page.locator("#drawer-menu a").filter(new Locator.FilterOptions().setHasText("Payment methods"));
        assertThat(methods).isInViewport();
        methods.click();
        page.waitForURL(Pattern.compile(".*/payment-methods$"));
        assertThat(methods).hasAttribute("aria-current", "page");
        assertThat(page.locator("vaadin-app-layout")).not().hasAttribute("drawer-opened", "");
        assertThat(portal.fitsTheWindowWidth()).as("payment methods: %s", portal.widthReport()).isTrue();
    }
}
