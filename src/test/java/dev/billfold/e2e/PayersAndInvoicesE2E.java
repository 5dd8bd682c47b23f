package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.ALEX;
import static dev.billfold.e2e.Portal.COMPANY;
import static dev.billfold.e2e.Portal.DEMO_CHECKOUT;
import static dev.billfold.e2e.Portal.INVOICE;
import static dev.billfold.e2e.Portal.PAYPAL;
import static dev.billfold.e2e.Portal.SAVED_CARD;
import static dev.billfold.e2e.Portal.usd;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who pays decides how they can pay; a company can ask for an invoice and pay it by bank transfer. */
@ExtendWith(BrowserExtension.class)
class PayersAndInvoicesE2E {

    @Test
    void switching_the_payer_shows_that_payers_methods_and_back_preselects_the_saved_card(Page page) {
        var portal = new Portal(page).signInAsDemo();
        assertThat(portal.methodOptions()).hasText(new String[] {SAVED_CARD, DEMO_CHECKOUT, PAYPAL, INVOICE});
        assertThat(portal.checkedMethod()).hasText(SAVED_CARD);

        portal.choosePayer(COMPANY);
        assertThat(portal.methodOptions()).hasText(new String[] {DEMO_CHECKOUT, PAYPAL, INVOICE});
        assertThat(portal.method(SAVED_CARD)).hasCount(0);

        portal.choosePayer(ALEX);
        assertThat(portal.methodOptions()).hasText(new String[] {SAVED_CARD, DEMO_CHECKOUT, PAYPAL, INVOICE});
        assertThat(portal.checkedMethod()).hasText(SAVED_CARD);
    }

    @Test
    void invoice_top_up_for_the_company_shows_number_bank_details_and_purpose_and_waits_for_payment(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();

        portal.choosePayer(COMPANY).chooseMethod(INVOICE).typeAmount("750").payAndExpectHistory();

        assertThat(portal.banner()).hasAttribute("data-kind", "waiting-for-payment");
        assertThat(portal.detailStatus()).hasText("Waiting for payment");
        var number = page.locator("#invoice-number");
        assertThat(number).hasText(Pattern.compile("^INV-\\d{4}-\\d{6}$"));
        String invoiceNumber = number.textContent().strip();
        assertThat(portal.banner()).containsText(invoiceNumber);
        assertThat(page.locator("#invoice-detail")).containsText(ProductionApp.INVOICE_RECIPIENT_NAME);
        assertThat(page.locator("#invoice-detail")).containsText("Morgan Web Studio LLC");
        // The demo profile's structured account for USD, copied on the invoice: what its PDF prints too (DD-094).
        assertThat(page.locator("#invoice-bank")).containsText("Account holder: Billfold Demo Hosting GmbH");
        assertThat(page.locator("#invoice-bank")).containsText("IBAN: DE89 3704 0044 0532 0130 00");
        assertThat(page.locator("#invoice-bank")).not().containsText(ProductionApp.INVOICE_BANK_DETAILS_LINES.get(0));
        var purpose = page.locator("#invoice-purpose");
        assertThat(purpose).containsText(invoiceNumber);
        assertThat(purpose).containsText("Payment for Morgan Web Studio, under personal account number 100000114");
        assertThat(purpose).containsText("$750.00");
        assertThat(portal.headerBalance()).hasText(usd(before));
    }
}
