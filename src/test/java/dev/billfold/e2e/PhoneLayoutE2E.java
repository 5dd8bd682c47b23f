package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.DEMO_CHECKOUT;
import static dev.billfold.e2e.Portal.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
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
    }
}
