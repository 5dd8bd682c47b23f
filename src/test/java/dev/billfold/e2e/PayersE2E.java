package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.ALEX;
import static dev.billfold.e2e.Portal.COMPANY;
import static dev.billfold.e2e.Portal.DEMO_CHECKOUT;
import static dev.billfold.e2e.Portal.INVOICE;
import static dev.billfold.e2e.Portal.PAYPAL;
import static dev.billfold.e2e.Portal.SAVED_CARD;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The payers page and the header's payer switcher, as the demo account's owner uses them. */
@ExtendWith(BrowserExtension.class)
class PayersE2E {

    private static final String NEW_COMPANY = "Baltic Cloud OÜ";

    /** The demo account is shared by every browser test: the next one starts on the default payer again. */
    @AfterEach
    void forgetTheSwitch() {
        ProductionApp.get().forgetActivePayerChoices();
    }

    @Test
    void owner_adds_a_company_payer_and_tops_up_for_it_by_invoice(Page page) {
        var portal = new Portal(page).signInAsDemo().openPayersFromMenu();

        page.locator("#add-payer").click();
        portal.chooseInSelect(page.locator("#payer-type"), "Company");
        fill(page.locator("#legal-name input"), NEW_COMPANY);
        page.locator("#country input").fill("Estonia");
        page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText("Estonia (EE)")).click();
        assertThat(page.locator("#country input")).hasValue("Estonia (EE)");
        fill(page.locator("#address textarea"), "Narva mnt 5, 10117 Tallinn");
        fill(page.locator("#invoice-email input"), "arved@balticcloud.example");

        page.locator("#save-payer").click();
        assertThat(page.locator("#tax-id")).hasAttribute("invalid", "");
        assertThat(page.locator("#tax-id [slot='error-message']")).hasText("A company needs a registration number or VAT id.");
        assertThat(page.locator("#tax-id [slot='helper']")).containsText("VAT number with the EE prefix");

        fill(page.locator("#tax-id input"), "ee 123 456 789");
        page.locator("#save-payer").click();
        assertThat(page.locator("#payer-dialog")).hasCount(0);
        Locator card = portal.payerCard(NEW_COMPANY);
        assertThat(card).containsText("EE123456789");
        assertThat(card).containsText("Estonia (EE)");
        assertThat(card).containsText("Company");

        portal.openTopUp().choosePayer(NEW_COMPANY + " (Company)").chooseMethod(INVOICE).typeAmount("300")
                .payAndExpectHistory();
        assertThat(portal.banner()).hasAttribute("data-kind", "waiting-for-payment");
        assertThat(page.locator("#invoice-number")).hasText(Pattern.compile("^INV-\\d{4}-\\d{6}$"));
        assertThat(page.locator("#invoice-detail")).containsText(NEW_COMPANY);
        assertThat(page.locator("#invoice-detail")).containsText("EE123456789");
        assertThat(page.locator("#invoice-detail")).containsText("Narva mnt 5, 10117 Tallinn");
    }

    @Test
    void switching_the_active_payer_in_the_header_changes_the_methods_and_the_timeline_and_is_kept_on_the_next_visit(Page page) {
        var portal = new Portal(page).signInAsDemo();
        assertThat(portal.activePayer()).containsText(ALEX);
        assertThat(portal.methodOptions()).hasText(new String[] {SAVED_CARD, DEMO_CHECKOUT, PAYPAL, INVOICE});

        portal.switchActivePayer(COMPANY);
        assertThat(page.locator("#payer")).containsText(COMPANY);
        assertThat(portal.methodOptions()).hasText(new String[] {DEMO_CHECKOUT, PAYPAL, INVOICE});

        page.reload();
        assertThat(portal.activePayer()).containsText(COMPANY);
        assertThat(page.locator("#payer")).containsText(COMPANY);
        assertThat(portal.methodOptions()).hasText(new String[] {DEMO_CHECKOUT, PAYPAL, INVOICE});

        portal.openHistory();
        assertThat(page.locator("#payer-filter")).containsText(COMPANY);

        // The transaction timeline starts on the header's payer and follows a switch made while it is open.
        portal.openTransactions();
        assertThat(page.locator("#timeline-payer-filter")).containsText(COMPANY);
        assertThat(portal.timelineCells("Alex Morgan")).hasCount(0); // Alex's top-ups are hidden
        portal.switchActivePayer(ALEX);
        assertThat(page.locator("#timeline-payer-filter")).containsText(ALEX);
        assertThat(portal.timelineCells("Alex Morgan").first()).isVisible(); // at least the demo data's top-up
        portal.switchActivePayer(COMPANY);
        assertThat(page.locator("#timeline-payer-filter")).containsText(COMPANY);
        assertThat(portal.timelineCells("Alex Morgan")).hasCount(0);
        portal.chooseInSelect(page.locator("#timeline-payer-filter"), "All payers");
        assertThat(portal.timelineCells("Alex Morgan").first()).isVisible();
        assertThat(portal.activePayer()).containsText(COMPANY); // the page's filter leaves the header's choice

        portal.openTopUp().switchActivePayer(ALEX);
        assertThat(portal.methodOptions()).hasText(new String[] {SAVED_CARD, DEMO_CHECKOUT, PAYPAL, INVOICE});
        assertThat(portal.checkedMethod()).hasText(SAVED_CARD);
    }

    private static void fill(Locator input, String value) {
        input.fill(value);
        // Fields send their value on change; leaving the field makes that happen before the next click.
        input.blur();
    }
}
