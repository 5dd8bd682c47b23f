package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The country rules of issue 19 in the production app with its default configuration: the Kenyan demo account
 * (Nairobi Cloud Works) and the demo's test Visa issued in Russia, refused there (DD-090); and a Kazakh individual
 * payer, who is not offered the invoice and is told why (DD-091).
 */
@ExtendWith(BrowserExtension.class)
class CountryRulesE2E {

    private static final String RUSSIAN_VISA = "4000006430000009";
    private static final String REFUSED = "Cards issued in Russia cannot pay for accounts in Kenya.";
    private static final Pattern METHODS_PAGE = Pattern.compile(".*/payment-methods$");

    @AfterEach
    void forgetTheSwitch() {
        ProductionApp.get().forgetActivePayerChoices();
    }

    @Test
    void a_checkout_paid_with_a_card_from_a_refused_country_is_rejected_with_its_reason_and_credits_nothing(Page page) {
        var portal = new Portal(page).signIn("kenya", "demo", MpesaJourneyE2E.KES_AMOUNT);
        String before = portal.headerBalance().textContent();

        portal.typeAmount("5000").chooseMethod(Portal.DEMO_CHECKOUT).payAndExpectCheckout()
                .chooseTestCard(RUSSIAN_VISA).actAtCheckout("pay");

        assertThat(portal.banner()).hasAttribute("data-kind", "rejected");
        assertThat(portal.banner()).containsText(REFUSED);
        assertThat(portal.detailStatus()).hasText("Rejected");
        assertThat(page.locator("#detail-reason")).containsText(REFUSED + " The payment was refunded to the card");
        assertThat(portal.headerBalance()).hasText(before);
    }

    @Test
    void a_card_from_a_refused_country_is_not_saved_and_the_page_says_why(Page page) {
        new Portal(page).signIn("kenya", "demo", MpesaJourneyE2E.KES_AMOUNT);
        page.navigate("/payment-methods");
        page.locator("#add-method").click();
        page.waitForURL(Pattern.compile(".*/demo-gateway/setup/seti_demo_[^/?#]+$"));

        page.locator("select#card").selectOption(RUSSIAN_VISA);
        page.locator("button#save").click();
        page.waitForURL(METHODS_PAGE);

        assertThat(page.locator("#methods-banner")).hasAttribute("data-kind", "failed");
        assertThat(page.locator("#methods-banner")).containsText(REFUSED + " The card was not saved.");
        assertThat(page.locator(".method-card").filter(new Locator.FilterOptions().setHasText("Confirmed"))
                .filter(new Locator.FilterOptions().setHasText("0009"))).hasCount(0);
    }

    @Test
    void a_kazakh_individual_is_offered_no_invoice_and_the_page_says_why_while_the_company_is(Page page) {
        var portal = new Portal(page).signIn("other", "demo", Portal.KZT_AMOUNT);
        String individual = "Dana Sultan " + UUID.randomUUID().toString().substring(0, 6);
        portal.openPayersFromMenu();
        page.locator("#add-payer").click();
        portal.chooseInSelect(page.locator("#payer-type"), "Individual");
        page.locator("#legal-name input").fill(individual);
        page.locator("#country input").fill("Kazakhstan");
        page.locator("vaadin-combo-box-item:visible")
                .filter(new Locator.FilterOptions().setHasText("Kazakhstan (KZ)")).click();
        page.locator("#address textarea").fill("15 Abay Avenue, Almaty");
        page.locator("#invoice-email input").fill("dana.personal@example.kz");
        page.locator("#save-payer").click();
        assertThat(page.locator("#payer-dialog")).hasCount(0);

        portal.openTopUp(Portal.KZT_AMOUNT).choosePayer(individual + " (Individual)");

        assertThat(portal.method(Portal.INVOICE)).hasCount(0);
        assertThat(page.locator("#method-note")).hasText(
                "Bank transfer by invoice is offered in Kazakhstan to companies and sole proprietors only.");

        portal.choosePayer("Steppe Networks LLP (Company)");
        assertThat(portal.method(Portal.INVOICE)).hasCount(1);
        assertThat(page.locator("#method-note")).isHidden();
    }
}
