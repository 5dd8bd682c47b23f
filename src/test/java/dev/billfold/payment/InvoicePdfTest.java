package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.billfold.base.Money;
import dev.billfold.payment.SellerProperties.BankAccount;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What an invoice prints, read back with PDFBox, for each tax case (DD-094). */
class InvoicePdfTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T09:30:00Z");
    private static final BankAccount EUR_ACCOUNT = new BankAccount("Billfold Demo Hosting GmbH", "Commerzbank",
            "DE89370400440532013000", null, "COBADEFFXXX", null, null, null, List.of("EUR", "USD"));
    private static final BankAccount KZT_ACCOUNT = new BankAccount("Billfold KZ LLP", "Halyk Bank",
            "KZ86125KZT5004100100", null, "HSBKKZKX", "HSBKKZKX", "17", "859", List.of("KZT"));

    @Test
    void a_domestic_invoice_prints_every_field_the_tax_taken_out_of_the_gross_and_no_status() throws Exception {
        var seller = SellerPropertiesTest.seller(19.0, "DE", List.of(EUR_ACCOUNT));
        String text = text(pdf(seller, "Kunde GmbH", "DE811907980", Money.of("250.00", "USD")));

        assertThat(text).contains("Invoice INV-2026-000042", "Issue date", "2026-12-01", "Due date", "2026-12-11",
                "Seller", "Seller GmbH", "Musterstrasse 1, Berlin", "Registration no.: HRB 1", "Tax id: 27/1",
                "VAT id: DE123456789", "E-mail: billing@seller.test", "Phone: +49 30 1",
                "Buyer", "Kunde GmbH", "Hauptstrasse 5, Hamburg", "Tax/VAT id: DE811907980",
                "Prepayment for hosting services, account 100000017", "Qty", "Unit price", "19 %",
                "210.08", "39.92", "Net total", "Total due", "$250.00",
                "two hundred fifty US dollars 00 cents", "IBAN: DE89 3704 0044 0532 0130 00", "BIC/SWIFT: COBADEFFXXX",
                "Account holder: Billfold Demo Hosting GmbH", "Payment purpose", "Invoice INV-2026-000042",
                "Paying for someone else? Quote invoice INV-2026-000042 and account number 100000017",
                InvoiceTax.PREPAYMENT.substring(0, 40));
        assertThat(text).doesNotContain("Status", "Waiting", "PAID", "Reverse charge");
    }

    @Test
    void an_eu_business_buyer_of_another_member_state_is_reverse_charged_at_zero() throws Exception {
        var seller = SellerPropertiesTest.seller(19.0, "DE", List.of(EUR_ACCOUNT));
        byte[] pdf = pdf(seller, "Client SARL", "FR40303265045", Money.of("100.00", "EUR"));
        String text = text(pdf);

        assertThat(text).contains("Reverse charge: VAT to be accounted for by the recipient", "0 %", "€100.00",
                "one hundred euros 00 cents", "Tax/VAT id: FR40303265045");
        assertThat(epcPayload(pdf)).isEqualTo(String.join("\n", "BCD", "002", "1", "SCT", "COBADEFFXXX",
                "Billfold Demo Hosting GmbH", "DE89370400440532013000", "EUR100.00", "", "",
                "Invoice INV-2026-000042, account 100000017"));
    }

    @Test
    void a_seller_charging_no_tax_says_so_and_a_kazakh_account_prints_its_bank_codes() throws Exception {
        var seller = SellerPropertiesTest.seller(null, "KZ", List.of(KZT_ACCOUNT));
        String text = text(pdf(seller, "ТОО «Алма Хостинг» әғқңөұүһі", "123456789012",
                Money.of("5000.00", "KZT")));

        assertThat(text).contains(InvoiceTax.NO_TAX, "0 %", "five thousand tenge 00 tiyn", "BIK/MFO: HSBKKZKX",
                "KBe: 17", "KNP: 859", "ТОО «Алма Хостинг» әғқңөұүһі", "Tax/VAT id: 123456789012");
        assertThat(text).doesNotContain("EPC QR");
    }

    @Test
    void a_domestic_eu_buyer_and_a_buyer_outside_the_eu_are_not_reverse_charged() {
        var seller = SellerPropertiesTest.seller(19.0, "DE", List.of());
        var outside = SellerPropertiesTest.seller(12.0, "UZ", List.of());

        assertThat(InvoiceTax.isReverseCharge(seller, "DE811907980")).isFalse();
        assertThat(InvoiceTax.isReverseCharge(seller, null)).isFalse();
        assertThat(InvoiceTax.isReverseCharge(seller, "EL094014201")).isTrue();
        assertThat(InvoiceTax.isReverseCharge(outside, "FR40303265045")).isFalse();
        InvoiceTax uz = InvoiceTax.of(outside, null, Money.of("112000.00", "UZS"));
        assertThat(uz.net().value()).isEqualByComparingTo("100000.00");
        assertThat(uz.tax().value()).isEqualByComparingTo("12000.00");
    }

    @Test
    void an_issued_invoice_prints_the_seller_tax_and_account_it_was_issued_with_not_the_configured_ones()
            throws Exception {
        var issuedWith = SellerPropertiesTest.seller(19.0, "DE", List.of(EUR_ACCOUNT));
        var configuredNow = new SellerProperties("Renamed Hosting AG", "Neue Strasse 9, Zurich", "CH", null, null,
                "CHE-123.456.789", null, null, 8.1, "MWST", null, List.of(new BankAccount("Renamed Hosting AG",
                "UBS", "CH9300762011623852957", null, "UBSWCHZH80A", null, null, null, List.of("USD"))));
        Invoice invoice = invoice("Kunde GmbH", "DE811907980", issuedWith.copyFor("USD"), "DE", "en");

        String text = text(pdf(invoice, configuredNow, Money.of("250.00", "USD")));

        assertThat(text).contains("Seller GmbH", "Musterstrasse 1, Berlin", "VAT id: DE123456789", "19 %",
                "210.08", "39.92", "VAT 19 %", "Account holder: Billfold Demo Hosting GmbH", "Bank: Commerzbank",
                "IBAN: DE89 3704 0044 0532 0130 00");
        assertThat(text).doesNotContain("Renamed", "Zurich", "UBS", "CH93", "MWST", "8.1 %");
        assertThat(invoice.issuedAccount()).isNotNull();
        assertThat(flat(text)).as("what the history page shows")
                .contains(flat(invoice.payTo(invoice.issuedAccount())),
                        flat(invoice.bankDetails(invoice.issuedAccount())),
                        flat(String.join("", invoice.seller().block())));
    }

    @Test
    void an_invoice_issued_when_its_currency_had_no_account_keeps_the_free_text_bank_details() throws Exception {
        var issuedWith = SellerPropertiesTest.seller(null, "KZ", List.of(KZT_ACCOUNT));
        var configuredNow = SellerPropertiesTest.seller(null, "KZ", List.of(EUR_ACCOUNT));
        Invoice invoice = invoice("Pat", null, issuedWith.copyFor("USD"), "KZ", "en");

        String text = text(pdf(invoice, configuredNow, Money.of("10.00", "USD")));

        assertThat(invoice.issuedAccount()).isNull();
        assertThat(text).contains("Billfold Demo Hosting Inc.", "Bank: legacy").doesNotContain("IBAN");
    }

    @Test
    void the_buyer_block_names_the_country_the_invoice_was_issued_to() throws Exception {
        var seller = SellerPropertiesTest.seller(null, "KZ", List.of(KZT_ACCOUNT));
        Invoice invoice = invoice("ТОО «Алма»", "123456789012", seller.copyFor("KZT"), "KZ", "en");

        String text = text(pdf(invoice, seller, Money.of("5000.00", "KZT")));

        assertThat(text).contains("ТОО «Алма»", "Country: Kazakhstan (KZ)", "Tax/VAT id: 123456789012");
    }

    @Test
    void russian_kazakh_and_uzbek_invoices_carry_the_total_in_words_in_their_language_and_in_english()
            throws Exception {
        var seller = SellerPropertiesTest.seller(null, "KZ", List.of(KZT_ACCOUNT));
        Money amount = Money.of("250.00", "USD");

        // The Kazakh and Uzbek letters (ә ғ қ ң ө ұ ү һ і, oʻ gʻ) are in the embedded font.
        String ru = text(pdf(invoice("Pat", null, seller.copyFor("USD"), "KZ", "ru"), seller, amount));
        String kk = text(pdf(invoice("Pat", null, seller.copyFor("USD"), "KZ", "kk"), seller, amount));
        String uz = text(pdf(invoice("Pat", null, seller.copyFor("USD"), "UZ", "uz"), seller, amount));

        assertThat(ru).contains("Всего к оплате: двести пятьдесят долларов США 00 центов",
                "two hundred fifty US dollars 00 cents");
        assertThat(kk).contains("Барлығы төлеуге: екі жүз елу АҚШ доллары 00 цент",
                "two hundred fifty US dollars 00 cents");
        assertThat(uz).contains("Jami toʻlovga: ikki yuz ellik AQSH dollari 00 sent",
                "two hundred fifty US dollars 00 cents", "Country: Uzbekistan (UZ)");
        String uzbek = text(pdf(invoice("Pat", null, seller.copyFor("UZS"), "UZ", "uz"), seller,
                Money.of("40000.00", "UZS")));
        // A letter the font lacked would print as "?" (PaymentPdfs.printable): the words read back whole.
        assertThat(uzbek).contains("qirq ming Oʻzbekiston soʻmi 00 tiyin");
        // The title in the invoice's language, with the English word beside it (issue 20).
        assertThat(ru).contains("Счёт на оплату / Invoice INV-");
        assertThat(kk).contains("Шот / Invoice INV-");
        assertThat(uz).contains("Hisob-faktura / Invoice INV-");
    }

    /** PDF text wraps long lines: compare without white space. */
    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void amounts_are_written_out_with_their_units() {
        assertThat(AmountInWords.english(Money.of("1.01", "USD"))).isEqualTo("one US dollar 01 cent");
        assertThat(AmountInWords.english(Money.of("1234567.89", "EUR")))
                .isEqualTo("one million two hundred thirty-four thousand five hundred sixty-seven euros 89 cents");
        assertThat(AmountInWords.english(Money.of("0.50", "KES"))).isEqualTo("zero Kenyan shillings 50 cents");
    }

    @Test
    void an_invoice_without_a_logo_is_a_small_a4_page() throws Exception {
        var seller = SellerPropertiesTest.seller(19.0, "DE", List.of(EUR_ACCOUNT));
        byte[] pdf = pdf(seller, "Client SARL", "FR40303265045", Money.of("100.00", "EUR"));

        System.out.printf("invoice with EPC QR code: %d bytes%n", pdf.length);
        assertThat(pdf.length).isLessThanOrEqualTo(100 * 1024);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(595f, org.assertj.core.data.Offset
                    .offset(1f));
        }
    }

    @Test
    void a_receipt_names_seller_buyer_method_amount_credited_and_its_number() throws Exception {
        var seller = SellerPropertiesTest.seller(19.0, "DE", List.of(EUR_ACCOUNT));
        var id = new PaymentId(UUID.randomUUID());
        var card = new PaymentDetails(id, "Pat Person", Money.of("500.00", "USD"), PaymentStatus.CREDITED, null,
                MethodKind.SAVED_METHOD, "Visa •••• 4242", "stripe", "pi_123", ISSUED, ISSUED, null, false);
        byte[] pdf = PaymentPdfs.receipt(new Receipt(Receipt.numberFor(id), card, ISSUED, null, seller));
        String text = text(pdf);

        if (Boolean.getBoolean("billfold.docs.images")) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                javax.imageio.ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                        new java.io.File("docs/images/receipt.png"));
            }
        }
        assertThat(text).contains("Receipt " + Receipt.numberFor(id), "Seller GmbH", "VAT id: DE123456789",
                "Pat Person", "Visa •••• 4242", "Amount credited", "$500.00", "pi_123");
        assertThat(PaymentPdfs.method(new PaymentDetails(id, "Pat", Money.of("1.00", "USD"), PaymentStatus.CREDITED,
                null, MethodKind.INVOICE, "Invoice INV-2026-000042", null, "BANK-REF-7", ISSUED, ISSUED, null, false),
                ISSUED)).isEqualTo("Bank transfer of 2026-12-01, reference BANK-REF-7 (Invoice INV-2026-000042)");
    }

    /** An invoice issued before the copy (V41): it prints the configured seller. */
    static byte[] pdf(SellerProperties seller, String payer, @Nullable String taxId, Money amount) {
        return pdf(invoice(payer, taxId, null, null, AmountInWords.ENGLISH), seller, amount);
    }

    static Invoice invoice(String payer, @Nullable String taxId, @Nullable SellerProperties issued,
                           @Nullable String country, String language) {
        return new Invoice(new PaymentId(UUID.randomUUID()), "INV-2026-000042", "100000017",
                "Billfold Demo Hosting Inc.", "Bank: legacy", payer, taxId, "Hauptstrasse 5, Hamburg",
                "Invoice INV-2026-000042, account 100000017", ISSUED, ISSUED.plusSeconds(10 * 86400), issued, country,
                language);
    }

    static byte[] pdf(Invoice invoice, SellerProperties configured, Money amount) {
        PaymentId id = invoice.paymentId();
        String payer = invoice.payerName();
        var payment = new PaymentDetails(id, payer, amount, PaymentStatus.WAITING_FOR_PAYMENT, null,
                MethodKind.INVOICE, "Invoice INV-2026-000042", null, null, ISSUED, ISSUED, invoice, false);
        return PaymentPdfs.invoice(invoice, payment, configured);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Renders page 1 and decodes the QR code as a banking app would. */
    static String epcPayload(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(),
                    page.getHeight(), pixels)));
            String decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "ISO-8859-1",
                    DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            return new String(decoded.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
    }
}
