package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.COMPANY;
import static dev.billfold.e2e.Portal.INVOICE;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An invoice by mail (DD-066): the customer issues an invoice and it arrives at the payer's invoice address with its
 * PDF; "Send the invoice by e-mail" sends it to another address, which receives it too; the operator sees both mails
 * in the account's mail log.
 */
@ExtendWith(BrowserExtension.class)
class InvoiceMailE2E {

    private static final String COMPANY_INVOICE_ADDRESS = "billing@morganweb.example";

    @Test
    void an_issued_invoice_arrives_by_mail_is_sent_again_to_another_address_and_both_are_in_the_mail_log(Page page)
            throws IOException {
        var portal = new Portal(page).signInAsDemo();
        portal.choosePayer(COMPANY).chooseMethod(INVOICE).typeAmount("215").payAndExpectHistory();
        assertThat(portal.detailStatus()).hasText("Waiting for payment");
        String number = page.locator("#invoice-number").textContent().strip();

        MimeMessage issued = Mailbox.get().messageTo(COMPANY_INVOICE_ADDRESS, "Invoice " + number);
        assertPdfOfInvoice(Mailbox.pdfAttachment(issued), number);

        String other = "accounts-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(page.locator("#send-invoice-address input")).hasValue(COMPANY_INVOICE_ADDRESS);
        page.locator("#send-invoice-address input").fill(other);
        page.locator("#send-invoice").click();
        assertThat(page.locator("#send-invoice-banner")).hasText("The invoice is on its way to " + other + ".");
        MimeMessage again = Mailbox.get().messageTo(other, "Invoice " + number);
        assertPdfOfInvoice(Mailbox.pdfAttachment(again), number);

        page.locator("vaadin-button.sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
        page.locator("vaadin-login-form input[name='username']").fill("operator");
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        // After a sign-out the form lands on the back office with Spring's "?continue".
        page.waitForURL(url -> url.contains("/ops"));
        page.navigate("/ops/account?id=" + Portal.DEMO_ACCOUNT);
        Locator log = page.locator("#ops-mail-log");
        assertThat(log).containsText(other);
        assertThat(log).containsText("Invoice, sent again");
        assertThat(log).containsText(COMPANY_INVOICE_ADDRESS);
        assertThat(log).containsText("Invoice " + number);
        assertThat(log).containsText("Sent");
    }

    private static void assertPdfOfInvoice(byte[] pdf, String number) throws IOException {
        org.assertj.core.api.Assertions.assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(document))
                    .contains("Invoice " + number, "Morgan Web Studio LLC", "$215.00", "Total due");
        }
    }
}
