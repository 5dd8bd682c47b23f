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
 * A saved card whose charge the bank wants to confirm (DD-037), with the demo provider: the top-up waits, the payment
 * in the history offers the confirmation, the demo bank's page confirms it, and the customer is back on the history
 * with the payment credited.
 */
@ExtendWith(BrowserExtension.class)
class BankConfirmationE2E {

    private static final String AUTHENTICATION_CARD = "4000002760003184";
    private static final String AUTHENTICATION_CARD_LABEL = "Visa •••• 3184";
    private static final Pattern SETUP_PAGE = Pattern.compile(".*/demo-gateway/setup/seti_demo_[^/?#]+$");
    private static final Pattern BANK_PAGE = Pattern.compile(".*/demo-gateway/authenticate/ch_demo_[^/?#]+$");

    @Test
    void a_saved_card_that_needs_the_bank_is_confirmed_from_the_history_and_credited(Page page) {
        var portal = new Portal(page).signInAsDemo();
        saveAuthenticationCard(page);
        portal.openTopUp();
        BigDecimal before = portal.headerBalanceValue();

        // Its label ends with the expiry the demo provider gave it, so it is picked by its number alone.
        portal.typeAmount("23.45").method(AUTHENTICATION_CARD_LABEL).click();
        assertThat(portal.checkedMethod()).containsText(AUTHENTICATION_CARD_LABEL);
        portal.payAndExpectHistory();

        assertThat(portal.banner()).hasAttribute("data-kind", "waiting-for-payment");
        assertThat(portal.banner()).containsText("your bank asks you to confirm it");
        assertThat(page.locator("#confirm-with-bank")).isVisible();
        assertThat(portal.detailStatus()).hasText("Waiting for payment");
        assertThat(page.locator("#detail-reason")).containsText("Nothing has been charged yet");
        assertThat(portal.headerBalance()).hasText(usd(before));

        // The top-up's result offers the action in its banner (the payment's detail below offers it too).
        page.locator("#banner-confirm-with-bank").click();
        page.waitForURL(BANK_PAGE);
        assertThat(page.locator("#amount")).hasText("$23.45");
        page.locator("button#confirm").click();
        portal.awaitHistoryWithPayment();

        assertThat(portal.banner()).hasAttribute("data-kind", "credited");
        assertThat(portal.banner()).containsText("$23.45 was added to your balance");
        assertThat(portal.detailStatus()).hasText("Credited");
        assertThat(page.locator("#confirm-with-bank")).hasCount(0);
        assertThat(page.locator("#banner-confirm-with-bank")).hasCount(0);
        assertThat(portal.headerBalance()).hasText(usd(before.add(new BigDecimal("23.45"))));

        removeAuthenticationCard(page);
    }

    /** Saves the demo provider's "needs authentication" test card through the payment methods page. */
    private static void saveAuthenticationCard(Page page) {
        openMethods(page);
        page.locator("#add-method").click();
        page.waitForURL(SETUP_PAGE);
        page.locator("select#card").selectOption(AUTHENTICATION_CARD);
        page.locator("button#save").click();
        page.waitForURL(Pattern.compile(".*/payment-methods$"));
        assertThat(card(page)).containsText("Confirmed");
    }

    /** Leaves the shared demo account's methods as the other journeys expect them. */
    private static void removeAuthenticationCard(Page page) {
        openMethods(page);
        card(page).locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Remove")).click();
        page.locator("#confirm-remove").click();
        assertThat(card(page)).hasCount(0);
    }

    private static void openMethods(Page page) {
        page.locator("#drawer-menu a").filter(new Locator.FilterOptions().setHasText("Payment methods")).click();
        page.waitForURL(Pattern.compile(".*/payment-methods$"));
    }

    private static Locator card(Page page) {
        return page.locator(".method-card").filter(new Locator.FilterOptions().setHasText(AUTHENTICATION_CARD_LABEL));
    }
}
