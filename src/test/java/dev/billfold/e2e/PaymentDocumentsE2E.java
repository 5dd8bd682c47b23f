package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.COMPANY;
import static dev.billfold.e2e.Portal.DEMO_CHECKOUT;
import static dev.billfold.e2e.Portal.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The customer downloads an invoice and a receipt from the payment history, and the PDFs say what they should. */
@ExtendWith(BrowserExtension.class)
class PaymentDocumentsE2E {

    @Test
    void invoice_top_up_offers_its_invoice_pdf_with_number_bank_details_payer_and_amount(Page page) throws IOException {
        var portal = new Portal(page).signInAsDemo();
        portal.choosePayer(COMPANY).chooseMethod(INVOICE).typeAmount("640").payAndExpectHistory();
        assertThat(portal.detailStatus()).hasText("Waiting for payment");
        String number = page.locator("#invoice-number").textContent().strip();
        assertThat(page.locator("#download-receipt")).hasCount(0);

        Download download = page.waitForDownload(() -> page.locator("#download-invoice").click());

        assertThat(download.suggestedFilename()).isEqualTo("invoice-" + number + ".pdf");
        String text = pdfText(download);
        assertThat(text).contains("Invoice " + number, ProductionApp.INVOICE_RECIPIENT_NAME, "Morgan Web Studio LLC",
                "$640.00", "Prepayment for hosting services", "UTC");
        // The showroom's demo profile brings the demo seller's structured bank account for USD (DD-094), which the
        // invoice prints in place of the free-text bank details.
        assertThat(text).contains("Account holder: Billfold Demo Hosting GmbH", "IBAN: DE89 3704 0044 0532 0130 00",
                "BIC/SWIFT: COBADEFFXXX");
        assertThat(text).as("no payment status on the document").doesNotContain("Waiting for payment");
    }

    @Test
    void demo_checkout_once_credited_offers_a_receipt_with_number_method_and_amount(Page page) throws IOException {
        var portal = new Portal(page).signInAsDemo();
        portal.typeAmount("33").chooseMethod(DEMO_CHECKOUT).payAndExpectCheckout().actAtCheckout("pay");
        assertThat(portal.detailStatus()).hasText("Credited");
        assertThat(page.locator("#download-invoice")).hasCount(0);

        Download download = page.waitForDownload(() -> page.locator("#download-receipt").click());

        assertThat(download.suggestedFilename()).matches(Pattern.compile("receipt-RCT-[0-9A-F]{8}-[0-9A-F]{4}\\.pdf"));
        String number = download.suggestedFilename().replace("receipt-", "").replace(".pdf", "");
        assertThat(pdfText(download)).contains("Receipt " + number, "$33.00", DEMO_CHECKOUT, "Alex Morgan",
                ProductionApp.INVOICE_RECIPIENT_NAME, "Credited");
    }

    /** With -Dbillfold.e2e.keepDownloads=true the PDFs are also kept in target/e2e-downloads, to look at. */
    private static String pdfText(Download download) throws IOException {
        if (Boolean.getBoolean("billfold.e2e.keepDownloads")) {
            java.nio.file.Path kept = ProductionApp.projectDir().resolve("target/e2e-downloads");
            Files.createDirectories(kept);
            download.saveAs(kept.resolve(download.suggestedFilename()));
        }
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
