package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.base.Money;
import dev.billfold.payment.SellerProperties.BankAccount;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.Test;

/** Invoices and receipts are PDF/A-2b (DD-098): veraPDF accepts them, and the markers are where archives look. */
class PdfA2bTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:30:00Z");
    private static final BankAccount EUR_ACCOUNT = new BankAccount("Billfold Demo Hosting GmbH", "Commerzbank",
            "DE89370400440532013000", null, "COBADEFFXXX", null, null, null, List.of("EUR"));

    @Test
    void an_invoice_with_its_qr_code_cyrillic_and_uzbek_letters_is_valid_pdf_a_2b() throws Exception {
        var seller = SellerPropertiesTest.seller(19.0, "DE", List.of(EUR_ACCOUNT));
        Invoice invoice = InvoicePdfTest.invoice("ТОО «Алма» әғқңөұүһі, Oʻzbekiston & Co <1>", "FR40303265045",
                seller.copyFor("EUR"), "KZ", "ru");
        byte[] pdf = InvoicePdfTest.pdf(invoice, seller, Money.of("1000000.99", "EUR"));

        assertThat(failures(pdf)).isEmpty();
        assertMarkers(pdf);
        assertThat(InvoicePdfTest.text(pdf)).contains("Всего к оплате: один миллион евро 99 центов");
    }

    /** A logo with transparency: PDF/A-2, unlike PDF/A-1, allows it, and the page stays under its size. */
    @Test
    void an_invoice_with_a_transparent_png_logo_is_valid_pdf_a_2b(@org.junit.jupiter.api.io.TempDir
                                                                  java.nio.file.Path dir) throws Exception {
        var image = new java.awt.image.BufferedImage(240, 80, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var graphics = image.createGraphics();
        graphics.setColor(new java.awt.Color(20, 90, 160, 200));
        graphics.fillRoundRect(4, 4, 232, 72, 24, 24);
        graphics.dispose();
        java.nio.file.Path logo = dir.resolve("logo.png");
        javax.imageio.ImageIO.write(image, "png", logo.toFile());

        byte[] pdf = invoiceWithLogo(logo);

        assertThat(failures(pdf)).isEmpty();
        assertMarkers(pdf);
        assertThat(pdf.length).isLessThan(PaymentDocument.MAX_BYTES);
        assertThat(drawsAnImage(pdf)).as("the logo is drawn").isTrue();
    }

    private static byte[] invoiceWithLogo(java.nio.file.Path logo) {
        var plain = SellerPropertiesTest.seller(19.0, "DE", List.of(EUR_ACCOUNT));
        var seller = new SellerProperties(plain.legalName(), plain.address(), plain.country(),
                plain.registrationNumber(), plain.taxId(), plain.vatId(), plain.email(), plain.phone(),
                plain.taxRate(), plain.taxName(), logo.toString(), plain.bankAccounts());
        Invoice invoice = InvoicePdfTest.invoice("Pat Person", null, seller.copyFor("EUR"), "DE", "en");
        return InvoicePdfTest.pdf(invoice, seller, Money.of("250.00", "EUR"));
    }

    private static boolean drawsAnImage(byte[] pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            for (var name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An SVG logo is drawn too: rasterised by Batik once, then placed like a PNG. */
    @Test
    void an_invoice_with_an_svg_logo_is_valid_pdf_a_2b_and_draws_it(@org.junit.jupiter.api.io.TempDir
                                                                     java.nio.file.Path dir) throws Exception {
        java.nio.file.Path logo = java.nio.file.Files.writeString(dir.resolve("logo.svg"), """
                <svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">
                  <rect x="4" y="4" width="232" height="72" rx="12" fill="#145aa0" fill-opacity="0.8"/>
                  <circle cx="40" cy="40" r="24" fill="#ffffff"/>
                </svg>""");
        byte[] pdf = invoiceWithLogo(logo);

        assertThat(failures(pdf)).isEmpty();
        assertMarkers(pdf);
        assertThat(drawsAnImage(pdf)).as("the logo is drawn").isTrue();
    }

    @Test
    void a_receipt_is_valid_pdf_a_2b() throws Exception {
        var seller = SellerPropertiesTest.seller(19.0, "DE", List.of(EUR_ACCOUNT));
        var id = new PaymentId(UUID.randomUUID());
        var card = new PaymentDetails(id, "Pat Person", Money.of("500.00", "USD"), PaymentStatus.CREDITED, null,
                MethodKind.SAVED_METHOD, "Visa •••• 4242", "stripe", "pi_123", AT, AT, null, false);
        byte[] pdf = PaymentPdfs.receipt(new Receipt(Receipt.numberFor(id), card, AT, null, seller));

        assertThat(failures(pdf)).isEmpty();
        assertMarkers(pdf);
    }

    @Test
    void the_validator_refuses_a_plain_pdf_so_its_acceptance_means_something() throws Exception {
        var plain = new java.io.ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(plain);
        }

        assertThat(failures(plain.toByteArray())).isNotEmpty().anyMatch(rule -> rule.startsWith("6.6.2.1"));
    }

    private static List<String> failures(byte[] pdf) throws Exception {
        return VeraPdf.failures(pdf);
    }

    /** What an archive's intake checks first: the XMP claim, the output intent, every font embedded. */
    private static void assertMarkers(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var catalog = document.getDocumentCatalog();
            String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>");
            assertThat(catalog.getOutputIntents()).singleElement().satisfies(intent -> {
                assertThat(intent.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
                assertThat(intent.getDestOutputIntent().getLength()).isPositive();
            });
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo(PdfA2b.PRODUCER);
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    assertThat(resources.getFont(name).isEmbedded()).as(name.getName()).isTrue();
                }
            }
        }
    }
}
