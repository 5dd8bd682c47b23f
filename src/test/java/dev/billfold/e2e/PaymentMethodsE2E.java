package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.SAVED_CARD;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payment methods page in the production app: add a card on the demo provider's setup page (left pending first,
 * then saved), make it the default, give the default back and remove it; the same card added twice is listed once
 * (DD-100). The demo account is shared by the browser tests, so the journeys leave its methods as they found them.
 */
@ExtendWith(BrowserExtension.class)
class PaymentMethodsE2E {

    private static final Pattern SETUP_PAGE = Pattern.compile(".*/demo-gateway/setup/seti_demo_[^/?#]+$");
    private static final String MASTERCARD = "5555555555554444";

    @Test
    void owner_adds_a_card_sees_it_pending_then_confirmed_makes_it_default_and_removes_it(Page page) {
        new Portal(page).signInAsDemo();
        Locator menuLink = page.locator("#drawer-menu a").filter(new Locator.FilterOptions().setHasText("Payment methods"));
        menuLink.click();
        page.waitForURL(Pattern.compile(".*/payment-methods$"));
        assertThat(menuLink).hasAttribute("aria-current", "page");
        assertThat(page.locator("#drawer-menu a[aria-current]")).hasCount(1);
        // The menu's icons are markup, not Icon components: their element and icon set must still be loaded.
        page.waitForFunction("() => [...document.querySelectorAll('#drawer-menu vaadin-icon')].every(icon =>"
                + " icon.shadowRoot && icon.shadowRoot.querySelector('svg g') && icon.getBoundingClientRect().width > 0)");
        Locator visa = card(page, SAVED_CARD);
        assertThat(visa).containsText("Confirmed");
        assertThat(visa).containsText("Default");

        page.locator("#add-method").click();
        page.waitForURL(SETUP_PAGE);
        String setupPage = page.url();
        page.locator("select#card").selectOption(MASTERCARD);
        page.locator("button#pending").click();
        page.waitForURL(Pattern.compile(".*/payment-methods$"));
        assertThat(page.locator("#methods-banner")).hasAttribute("data-kind", "pending");
        Locator pending = page.locator(".method-card").filter(new Locator.FilterOptions().setHasText("Pending"));
        assertThat(pending).hasCount(1);
        assertThat(pending).containsText("waiting for confirmation");

        page.navigate(setupPage);
        assertThat(page.locator("#left-pending")).isVisible();
        page.locator("select#card").selectOption(MASTERCARD);
        page.locator("button#save").click();
        page.waitForURL(Pattern.compile(".*/payment-methods$"));
        assertThat(page.locator("#methods-banner")).hasAttribute("data-kind", "confirmed");
        Locator mastercard = card(page, "Mastercard •••• 4444");
        assertThat(mastercard).containsText("Confirmed");
        assertThat(mastercard).not().containsText("Default");

        button(mastercard, "Make default").click();
        assertThat(mastercard.locator(".method-default")).hasCount(1);
        assertThat(card(page, SAVED_CARD).locator(".method-default")).hasCount(0);

        button(card(page, SAVED_CARD), "Make default").click();
        assertThat(card(page, SAVED_CARD).locator(".method-default")).hasCount(1);

        button(card(page, "Mastercard •••• 4444"), "Remove").click();
        Locator question = page.locator("h2[slot='title']").filter(new Locator.FilterOptions().setHasText("Remove Mastercard •••• 4444"));
        assertThat(question).isVisible();
        page.locator("#confirm-remove").click();
        assertThat(question).isHidden();
        assertThat(card(page, "Mastercard •••• 4444")).hasCount(0);
        assertThat(card(page, SAVED_CARD)).containsText("Default");
    }

    @Test
    void the_same_card_added_twice_is_listed_once_and_the_page_says_it_is_already_saved(Page page) {
        new Portal(page).signInAsDemo();
        page.navigate("/payment-methods");
        addOnSetupPage(page, MASTERCARD);
        assertThat(page.locator("#methods-banner")).hasAttribute("data-kind", "confirmed");
        assertThat(card(page, "Mastercard •••• 4444")).hasCount(1);

        addOnSetupPage(page, MASTERCARD);

        assertThat(page.locator("#methods-banner")).hasAttribute("data-kind", "failed");
        assertThat(page.locator("#methods-banner")).containsText("This card is already saved.");
        assertThat(card(page, "Mastercard •••• 4444")).hasCount(1);
        assertThat(card(page, "Mastercard •••• 4444")).containsText("Confirmed");

        // The demo account is shared: leave its methods as they were.
        button(card(page, "Mastercard •••• 4444"), "Remove").click();
        page.locator("#confirm-remove").click();
        assertThat(card(page, "Mastercard •••• 4444")).hasCount(0);
    }

    private static void addOnSetupPage(Page page, String cardNumber) {
        page.locator("#add-method").click();
        page.waitForURL(SETUP_PAGE);
        page.locator("select#card").selectOption(cardNumber);
        page.locator("button#save").click();
        page.waitForURL(Pattern.compile(".*/payment-methods$"));
    }

    private static Locator card(Page page, String label) {
        return page.locator(".method-card").filter(new Locator.FilterOptions().setHasText(label));
    }

    private static Locator button(Locator card, String text) {
        return card.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText(text));
    }
}
