package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.COMPANY;
import static dev.billfold.e2e.Portal.INVOICE;
import static dev.billfold.e2e.Portal.usd;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Journey 2 of issue 15, in a real browser against the production jar on PostgreSQL: the demo customer asks for an
 * invoice for the company payer and uploads a payment order (a real PDF made here); the operator conditionally credits
 * it in the back office; the customer sees it credited and renews the waiting migration server with the money; then
 * the operator imports a camt.053 that pays the invoice, and the customer sees Credited with the balance unchanged.
 */
@ExtendWith(BrowserExtension.class)
class PaymentOrderE2E {

    /** "Migration server DS-4 (Frankfurt)", waiting for its first payment, $129.00 a month (R__demo_data.sql). */
    private static final String MIGRATION_SERVER = "5e000000-0000-0000-0000-000000000003";
    private static final String AMOUNT = "129.00";

    @Test
    void a_payment_order_is_conditionally_credited_spent_on_a_renewal_and_completed_by_the_statement(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();
        portal.choosePayer(COMPANY).chooseMethod(INVOICE).typeAmount(AMOUNT).payAndExpectHistory();
        assertThat(portal.detailStatus()).hasText("Waiting for payment");
        String invoiceNumber = page.locator("#invoice-number").textContent().strip();
        String detailUrl = page.url();

        page.locator("#payment-order-upload input[type='file']").setInputFiles(new FilePayload(
                "payment-order.pdf", "application/pdf", paymentOrder(invoiceNumber)));
        assertThat(page.locator("#payment-order-status")).hasText("Sent, under review");
        assertThat(page.locator("#payment-order-upload")).isHidden();
        signOut(page);

        staffSignIn(page, "operator");
        page.navigate("/ops/payment-orders");
        assertThat(page.locator("#ops-nav-payment-orders-count")).not().hasText("0");
        assertThat(page.locator("#payment-orders-queue")).containsText(invoiceNumber);
        page.locator(".payment-order-credit").first().click();
        page.locator("#document-decision-note textarea").fill("Browser journey: the bank's stamp is there");
        page.locator("#document-decision-confirm").click();
        assertThat(page.locator("#payment-orders-banner")).containsText("$129.00 conditionally credited");
        signOutStaff(page);

        portal.signInAsDemo();
        BigDecimal credited = before.add(new BigDecimal(AMOUNT));
        assertThat(portal.headerBalance()).hasText(usd(credited));
        page.navigate(detailUrl);
        assertThat(portal.detailStatus()).hasText("Conditionally credited");
        assertThat(page.locator("#payment-order-status")).hasText("Accepted: conditionally credited");

        page.navigate("/renewals");
        page.locator("#renew-" + MIGRATION_SERVER + " input").check();
        page.locator("#renew-from-balance").click();
        assertThat(page.locator("#renewal-message")).hasAttribute("data-kind", "success");
        assertThat(page.locator("#status-" + MIGRATION_SERVER)).hasText("Active");
        assertThat(portal.headerBalance()).hasText(usd(before));
        signOut(page);

        staffSignIn(page, "operator");
        page.navigate("/ops/statements");
        page.locator("#statement-upload input[type='file']").setInputFiles(new FilePayload("statement.xml",
                "application/xml", camt053(invoiceNumber).getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#statement-upload-banner")).containsText("1 credited");
        signOutStaff(page);

        portal.signInAsDemo();
        page.navigate(detailUrl);
        assertThat(portal.detailStatus()).hasText("Credited");
        // Credited once, on the payment order: the statement moved no money.
        assertThat(portal.headerBalance()).hasText(usd(before));
    }

    /** A one-page PDF as a bank's payment order would read. */
    private static byte[] paymentOrder(String invoiceNumber) {
        var out = new ByteArrayOutputStream();
        var document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("Payment order No. 4711 — executed"));
        document.add(new Paragraph("Payer: Morgan Web Studio LLC, amount USD " + AMOUNT));
        document.add(new Paragraph("Purpose: Invoice " + invoiceNumber));
        document.close();
        return out.toByteArray();
    }

    /** A camt.053 with one booked credit: the company pays the invoice, named in the remittance. */
    private static String camt053(String invoiceNumber) {
        String today = LocalDate.now().toString();
        String ref = "E2E-" + UUID.randomUUID();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%2$sT18:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s-1</Id>
                      <CreDtTm>%2$sT18:00:00</CreDtTm>
                      <Acct><Id><IBAN>KZ86125KZT5004100100</IBAN></Id><Ccy>USD</Ccy></Acct>
                      <Ntry>
                        <Amt Ccy="USD">%3$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt>
                        <ValDt><Dt>%2$s</Dt></ValDt>
                        <AcctSvcrRef>%1$s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Morgan Web Studio LLC</Nm><Id><OrgId><Othr><Id>EU372012345</Id></Othr></OrgId></Id></Dbtr></RltdPties><RmtInf><Ustrd>Invoice %4$s</Ustrd></RmtInf></TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(ref, today, AMOUNT, invoiceNumber);
    }

    private static void signOut(Page page) {
        page.context().clearCookies();
    }

    private static void signOutStaff(Page page) {
        page.locator("#ops-sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
    }

    private static void staffSignIn(Page page, String username) {
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> url.contains("/ops"));
    }
}
