package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.COMPANY;
import static dev.billfold.e2e.Portal.INVOICE;
import static dev.billfold.e2e.Portal.usd;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 3 of issue 15: a customer issues an invoice, the bank statement the operator imports pays less than it, the
 * payment waits under Held payments, and the operator credits what was received. The customer sees it Credited, the
 * reason, and the balance raised by the amount received (not the invoice's).
 */
@ExtendWith(BrowserExtension.class)
class HeldPaymentE2E {

    private static final Pattern PAYMENT_ID = Pattern.compile("[?&]payment=([0-9a-f-]{36})");

    @Test
    void the_operator_credits_what_an_underpaid_invoice_received_and_the_customer_sees_it(Page page) {
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();
        portal.choosePayer(COMPANY).chooseMethod(INVOICE).typeAmount("100").payAndExpectHistory();
        assertThat(portal.detailStatus()).hasText("Waiting for payment");
        String invoiceNumber = page.locator("#invoice-number").textContent().strip();
        Matcher id = PAYMENT_ID.matcher(page.url());
        org.junit.jupiter.api.Assertions.assertTrue(id.find(), page.url());
        String paymentId = id.group(1);

        page.context().clearCookies();
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill("operator");
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> url.endsWith("/ops"));
        page.locator("#ops-nav-statements").click();
        page.waitForURL(url -> url.endsWith("/ops/statements"));
        page.locator("#statement-upload input[type='file']").setInputFiles(new FilePayload("underpaid.xml",
                "application/xml", statement(invoiceNumber, "90.00").getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#statement-upload-banner")).containsText("1 entry, 0 credited, 1 held");

        page.locator("#ops-nav-held").click();
        page.waitForURL(url -> url.endsWith("/ops/held"));
        var row = page.locator("#held-grid vaadin-grid-cell-content").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText(invoiceNumber));
        assertThat(row).hasCount(1);
        assertThat(page.locator("#held-grid")).containsText("Received 90.00 of 100.00 USD.");
        assertThat(page.locator("#held-grid")).containsText("$90.00 of $100.00");
        page.locator("#resolve-" + paymentId).click();
        portal.chooseInSelect(page.locator("#resolve-how"), "Credit what was received to the invoice's account");
        page.locator("#resolve-note textarea").fill("Customer confirmed the bank fee took 10.00");
        String reason = "We credited the 90.00 USD your bank transferred.";
        page.locator("#resolve-customer-reason input").fill(reason);
        page.locator("#resolve-confirm").click();
        assertThat(page.locator("#held-banner")).containsText("credited");
        assertThat(page.locator("#resolve-" + paymentId)).isHidden();

        page.context().clearCookies();
        portal.signInAsDemo();
        page.navigate("/history?payment=" + paymentId);
        assertThat(portal.detailStatus()).hasText("Credited");
        assertThat(page.locator("#detail-reason")).hasText(reason);
        assertThat(portal.headerBalance()).hasText(usd(before.add(new BigDecimal("90.00"))));
    }

    /** A camt.053.001.02 with one booked credit for the invoice from its payer, under a bank reference of its own. */
    private static String statement(String invoiceNumber, String amount) {
        String reference = "E2E-HELD-" + UUID.randomUUID();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>2026-12-02T18:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s-1</Id>
                      <CreDtTm>2026-12-02T18:00:00</CreDtTm>
                      <Acct><Id><Othr><Id>000123456789</Id></Othr></Id><Ccy>USD</Ccy></Acct>
                      <Ntry>
                        <Amt Ccy="USD">%2$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>2026-12-02</Dt></BookgDt>
                        <AcctSvcrRef>%1$s</AcctSvcrRef>
                        <NtryDtls><TxDtls>
                          <RltdPties><Dbtr><Nm>Morgan Web Studio LLC</Nm>
                            <Id><OrgId><Othr><Id>EU372012345</Id></Othr></OrgId></Id></Dbtr></RltdPties>
                          <RmtInf><Ustrd>Payment for Morgan Web Studio, under personal account number 100000114. Invoice %3$s</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(reference, amount, invoiceNumber);
    }
}
