package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.DEMO_ACCOUNT;
import static dev.billfold.e2e.Portal.DEMO_CHECKOUT;
import static dev.billfold.e2e.Portal.SAVED_CARD;
import static dev.billfold.e2e.Portal.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Top-ups as a customer makes them, in a real browser against the production jar on PostgreSQL. The demo account is
 * shared by every test, so each one compares the balance before and after instead of expecting a fixed figure.
 */
@ExtendWith(BrowserExtension.class)
class TopUpJourneysE2E {

    /** With -Dbillfold.e2e.readmeScreenshot=true the top-up page is saved as the README's picture. */
    private static final String README_SCREENSHOT_PROPERTY = "billfold.e2e.readmeScreenshot";

    @Test
    void top_up_page_after_sign_in_shows_the_balance_presets_payer_and_preselected_saved_card(Page page) throws Exception {
        var portal = new Portal(page).signInAsDemo();

        assertThat(page.locator("#balance")).hasText(portal.headerBalance().textContent());
        assertThat(page.locator(".presets vaadin-button:not(.cover)")).hasText(new String[] {"$100.00", "$200.00", "$500.00", "$1,000.00"});
        assertThat(page.locator("#payer")).containsText(Portal.ALEX);
        assertThat(portal.checkedMethod()).hasText(SAVED_CARD);
        assertThat(portal.payButton()).isEnabled();

        if (Boolean.getBoolean(README_SCREENSHOT_PROPERTY)) {
            Path file = ProductionApp.projectDir().resolve("docs/images/top-up.png");
            Files.createDirectories(file.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(file)
                    .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
        }
    }

    @Test
    void preset_top_up_through_the_demo_checkout_is_credited_and_raises_the_balance(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();

        portal.choosePreset("100").chooseMethod(DEMO_CHECKOUT).payAndExpectCheckout();
        assertThat(page.locator("#amount")).hasText("$100.00");
        portal.actAtCheckout("pay");

        assertThat(portal.banner()).hasAttribute("data-kind", "credited");
        assertThat(portal.banner()).containsText("$100.00 was added to your balance");
        assertThat(portal.detailStatus()).hasText("Credited");
        assertThat(portal.headerBalance()).hasText(usd(before.add(new BigDecimal("100.00"))));
    }

    @Test
    void top_up_with_the_preselected_saved_card_is_credited_at_once(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();
        assertThat(portal.checkedMethod()).hasText(SAVED_CARD);

        portal.typeAmount("42.50").payAndExpectHistory();

        assertThat(portal.banner()).hasAttribute("data-kind", "credited");
        assertThat(portal.detailStatus()).hasText("Credited");
        assertThat(page.locator("#detail-amount")).hasText("$42.50");
        assertThat(portal.headerBalance()).hasText(usd(before.add(new BigDecimal("42.50"))));
    }

    @Test
    void amount_over_the_limit_is_refused_on_the_field_and_creates_no_payment(Page page, ProductionApp app) {
        var portal = new Portal(page).signInAsDemo();
        int rowsBefore = portal.openHistory().historyRowCount();
        int paymentsBefore = app.paymentCount(DEMO_ACCOUNT);
        BigDecimal balanceBefore = portal.headerBalanceValue();

        portal.openTopUp().typeAmount("15000.01");
        portal.payButton().click();

        assertThat(page.locator("#amount")).hasAttribute("invalid", "");
        assertThat(portal.amountError()).containsText("The maximum top-up is $15,000.00 per payment.");
        assertThat(portal.payButton()).isEnabled();
        assertThat(page).hasURL(Pattern.compile(".*/$"));
        assertThat(app.paymentCount(DEMO_ACCOUNT)).isEqualTo(paymentsBefore);
        assertThat(portal.openHistory().historyRowCount()).isEqualTo(rowsBefore);
        assertThat(portal.headerBalance()).hasText(usd(balanceBefore));
    }

    @Test
    void card_declined_at_the_gateway_is_rejected_with_the_reason_and_leaves_the_balance(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();

        portal.typeAmount("75").chooseMethod(DEMO_CHECKOUT).payAndExpectCheckout();
        portal.chooseTestCard(Portal.DECLINED_CARD).actAtCheckout("pay");

        assertThat(portal.banner()).hasAttribute("data-kind", "rejected");
        assertThat(portal.banner()).containsText("Your card was declined.");
        assertThat(portal.detailStatus()).hasText("Rejected");
        assertThat(page.locator("#detail-reason")).hasText("Your card was declined.");
        assertThat(portal.headerBalance()).hasText(usd(before));
    }

    @Test
    void decline_button_at_the_gateway_is_rejected_with_the_bank_reason(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();

        portal.typeAmount("12.34").chooseMethod(DEMO_CHECKOUT).payAndExpectCheckout().actAtCheckout("decline");

        assertThat(portal.banner()).hasAttribute("data-kind", "rejected");
        assertThat(portal.detailStatus()).hasText("Rejected");
        assertThat(page.locator("#detail-reason")).hasText("Declined by the issuing bank.");
        assertThat(portal.headerBalance()).hasText(usd(before));
    }
}
