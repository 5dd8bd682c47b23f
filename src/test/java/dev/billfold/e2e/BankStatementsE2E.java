package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.COMPANY;
import static dev.billfold.e2e.Portal.INVOICE;
import static dev.billfold.e2e.Portal.usd;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.billfold.statement.Camt053;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 1 of issue 15: Morgan Web Studio issues an invoice in the portal, the operator uploads the bank's camt.053
 * that pays it (written here from the invoice's number and amount, as the bank would send it), and the customer sees
 * it Credited with the balance raised. The same file again is a duplicate; a malformed or XXE file is refused and
 * changes nothing. Each test pays only its own invoice, and a credit only raises the shared demo balance.
 */
@ExtendWith(BrowserExtension.class)
class BankStatementsE2E {

    /** The demo company payer as its bank names it: the invoice's payer, so the entry is credited (rule 1). */
    private static final String PAYER_NAME = "Morgan Web Studio LLC";
    private static final String PAYER_TAX_ID = "EU372012345";
    private static final String XML = "application/xml";

    @Test
    void the_operator_imports_a_statement_paying_the_customers_invoice_and_the_customer_sees_it_credited(Page page) {
        String amount = "321.45";
        Invoice invoice = issueInvoice(page, amount);
        String run = run();
        byte[] statement = Camt053.of("E2E" + run).credit("E2E-" + run, amount, PAYER_NAME, PAYER_TAX_ID,
                "Payment for Morgan Web Studio, under personal account number 100000114. Invoice " + invoice.number())
                .bytes();
        String fileName = "statement-" + run + ".xml";

        signInAsOperator(page);
        upload(page, fileName, statement);
        assertThat(uploadBanner(page)).hasAttribute("data-kind", "success");
        assertThat(uploadBanner(page)).containsText(fileName + " imported: 1 entry, 1 credited, 0 held");
        page.locator(".statement-import-link").filter(new Locator.FilterOptions().setHasText(fileName)).click();
        page.waitForURL(url -> url.contains("/ops/statements/import?id="));
        assertThat(page.locator("#statement-report-summary")).containsText("1 entry, 1 credited, 0 held");
        assertThat(page.locator("#statement-report-entries")).containsText(invoice.number());
        assertThat(page.locator("#statement-report-entries")).containsText("Credited");

        var portal = signInAsCustomer(page);
        page.navigate(invoice.historyUrl());
        assertThat(portal.detailStatus()).hasText("Credited");
        BigDecimal raised = invoice.balanceBefore().add(new BigDecimal(amount));
        assertThat(portal.headerBalance()).hasText(usd(raised));

        // The same file a second time: reported as a duplicate, and the balance stays where it is.
        signInAsOperator(page);
        upload(page, fileName, statement);
        assertThat(uploadBanner(page)).containsText(fileName + " imported: 1 entry, 0 credited, 0 held,"
                + " 0 unmatched, 1 duplicate");
        page.navigate("/ops/account?id=" + Portal.DEMO_ACCOUNT);
        assertThat(page.locator("#ops-account-balance")).hasText("Balance " + usd(raised));
    }

    @Test
    void a_malformed_and_an_xxe_statement_are_refused_with_a_clear_error_and_change_nothing(Page page) {
        String amount = "77.70";
        Invoice invoice = issueInvoice(page, amount);
        String run = run();
        String good = Camt053.of("E2E" + run).credit("E2E-" + run, amount, PAYER_NAME, PAYER_TAX_ID,
                "Invoice " + invoice.number()).text();
        // Cut off after the entry: well-formed up to there, so only reading it whole can tell.
        String malformed = good.substring(0, good.indexOf("</Ntry>") + "</Ntry>".length());
        String xxe = good.replace("<Document ", "<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document ").replace("<Ustrd>", "<Ustrd>&x; ");

        signInAsOperator(page);
        upload(page, "malformed-" + run + ".xml", malformed.getBytes(StandardCharsets.UTF_8));
        assertThat(uploadBanner(page)).hasAttribute("data-kind", "error");
        assertThat(uploadBanner(page)).containsText("malformed-" + run + ".xml: The file is not well-formed XML");

        upload(page, "xxe-" + run + ".xml", xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(uploadBanner(page)).hasAttribute("data-kind", "error");
        assertThat(uploadBanner(page)).containsText("xxe-" + run + ".xml: The file declares a DOCTYPE");

        page.navigate("/ops/statements");
        assertThat(page.locator("#statement-imports")).isVisible();
        assertThat(page.locator(".statement-import-link").filter(new Locator.FilterOptions().setHasText(run)))
                .hasCount(0);
        var portal = signInAsCustomer(page);
        page.navigate(invoice.historyUrl());
        assertThat(portal.detailStatus()).hasText("Waiting for payment");
        assertThat(portal.headerBalance()).hasText(usd(invoice.balanceBefore()));
    }

    private record Invoice(String number, String historyUrl, BigDecimal balanceBefore) {
    }

    /** The demo customer asks for an invoice for the company payer and lands on its detail; then signs out. */
    private static Invoice issueInvoice(Page page, String amount) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();
        portal.choosePayer(COMPANY).chooseMethod(INVOICE).typeAmount(amount).payAndExpectHistory();
        assertThat(portal.detailStatus()).hasText("Waiting for payment");
        String number = page.locator("#invoice-number").textContent().strip();
        return new Invoice(number, page.url(), before);
    }

    /** Leaves whoever was signed in (the session cookie goes) and signs in as the demo operator. */
    private static void signInAsOperator(Page page) {
        page.context().clearCookies();
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill("operator");
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> url.contains("/ops"));
    }

    private static Portal signInAsCustomer(Page page) {
        page.context().clearCookies();
        return new Portal(page).signInAsDemo();
    }

    /** Chooses the file in the upload field, which sends it at once; the page shows the result in its banner. */
    private static void upload(Page page, String name, byte[] content) {
        // One file per upload field: a fresh page for each.
        page.navigate("/ops/statements");
        assertThat(page.locator("#statement-upload")).isVisible();
        page.locator("#statement-upload input[type=file]").setInputFiles(new FilePayload(name, XML, content));
    }

    private static Locator uploadBanner(Page page) {
        return page.locator("#statement-upload-banner");
    }

    private static String run() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(java.util.Locale.ROOT);
    }
}
