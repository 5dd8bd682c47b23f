package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey (1) of issue 16: the demo customer tops up, asks for a refund of exactly that top-up on the history's
 * Refunds tab (reserved at once), finance2 approves it in the back office, and the customer sees Refunded, the balance
 * back where it began and the refund receipt, which also arrives by mail. The refund is the customer's newest top-up, so it is allocated to it
 * alone, and the balance the other journeys read ends as it began.
 */
@ExtendWith(BrowserExtension.class)
class RefundRequestE2E {

    private static final String AMOUNT = "37.00";

    @Test
    void a_customer_asks_for_a_refund_finance_approves_it_and_the_customer_sees_refunded_and_the_receipt(
            Page page, ProductionApp app) {
        signIn(page, "demo");
        BigDecimal before = balance(page);
        topUp(page, AMOUNT);

        page.navigate("/refunds");
        assertThat(page.locator("#refund-destinations")).containsText(Portal.DEMO_CHECKOUT + ": $37.00");
        page.locator("#refund-amount input").fill(AMOUNT);
        page.locator("#refund-ask").click();
        assertThat(page.locator("#refund-banner")).containsText("Refund of $37.00 asked for");
        assertThat(page.locator("#refunds-grid")).containsText("Awaiting approval");
        page.reload();
        assertThat(balance(page)).as("reserved at once").isEqualByComparingTo(before);

        asFinance(page, app, staff -> {
            staff.navigate("/ops/refunds");
            assertThat(staff.locator("#refunds-queue")).containsText("$37.00");
            staff.locator(".refund-approve").first().click();
            staff.locator("#refund-decision-confirm").click();
            assertThat(staff.locator("#refunds-banner")).containsText("approved: on its way");
        });

        page.navigate("/refunds");
        assertThat(page.locator("#refunds-grid")).containsText("Refunded");
        assertThat(balance(page)).isEqualByComparingTo(before);
        Download receipt = page.waitForDownload(() -> page.locator(".refund-receipt").first().click());
        assertThat(receipt.suggestedFilename()).startsWith("refund-receipt-CN-").endsWith(".pdf");
        // The same credit note is mailed to the payer's invoice address once the part went back (DD-078).
        byte[] mailed = Mailbox.pdfAttachment(Mailbox.get().messageTo("alex@example.com", "Refund receipt"));
        assertThat(new String(mailed, 0, 5)).isEqualTo("%PDF-");
    }

    private static void signIn(Page page, String username) {
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    private static void topUp(Page page, String amount) {
        page.navigate("/");
        page.locator("#amount input").fill(amount);
        page.locator("#amount input").blur();
        page.locator("#method vaadin-radio-button").filter(new Locator.FilterOptions().setHasText(Portal.DEMO_CHECKOUT))
                .click();
        page.locator("#pay").click();
        page.waitForURL(url -> url.contains("/demo-gateway/checkout/"));
        page.locator("button#pay").click();
        page.waitForURL(url -> url.contains("/history?payment="));
        assertThat(page.locator("#payment-banner")).containsText("was added to your balance");
    }

    /** finance2, Finance only, in a browser of their own. */
    private static void asFinance(Page customer, ProductionApp app, java.util.function.Consumer<Page> act) {
        Browser browser = customer.context().browser();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(app.baseUrl())
                .setLocale("en-US").setTimezoneId("UTC"))) {
            Page staff = context.newPage();
            signIn(staff, "finance2");
            act.accept(staff);
        }
    }

    /** The header's balance, e.g. "$1,250.00". */
    private static BigDecimal balance(Page page) {
        Locator balance = page.locator("#header-balance");
        assertThat(balance).containsText("$");
        return new BigDecimal(balance.textContent().replaceAll("[^0-9.\\-]", ""));
    }
}
