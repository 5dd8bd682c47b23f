package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.account.TextLimits;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.BaseFont;

/**
 * The PDFs' ceiling ({@link PaymentDocument#MAX_BYTES}): the largest documents the columns allow stay under it, and
 * a document over a ceiling is refused whole rather than handed out cut short.
 */
class PaymentPdfsTest {

    /** Column sizes of what an invoice and a receipt print (V1 migration), beyond those declared elsewhere. */
    private static final int INVOICE_NUMBER = 40;
    private static final int PURPOSE = 500;
    private static final int ACCOUNT_NUMBER = 9;
    private static final int METHOD_LABEL = 200;
    private static final int PROVIDER_REFERENCE = 200;

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final SellerProperties SELLER = SellerPropertiesTest.seller(19.0, "DE", List.of());

    @Test
    void the_largest_invoice_and_receipt_the_columns_allow_stay_under_the_ceiling() throws IOException {
        // Every field full, of as many different characters as the font has: the embedded font subset is largest.
        var glyphs = new Glyphs();
        byte[] manyGlyphs = PaymentPdfs.invoice(invoice(glyphs::text), details(glyphs::text), SELLER);
        // Every field full of one-character lines: the most pages.
        Text oneCharLines = n -> IntStream.range(0, n).map(i -> i % 2 == 0 ? 'W' : '\n')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        byte[] manyLines = PaymentPdfs.invoice(invoice(oneCharLines), details(oneCharLines), SELLER);
        byte[] receipt = PaymentPdfs.receipt(new Receipt("RCT-00000000-0000", details(new Glyphs()::text), AT, AT,
                SELLER));

        System.out.printf("largest PDFs: %d bytes (glyphs), %d bytes and %d pages (lines), receipt %d bytes%n",
                manyGlyphs.length, manyLines.length, pages(manyLines), receipt.length);
        assertThat(manyGlyphs.length).isLessThan(PaymentDocument.MAX_BYTES / 2);
        assertThat(manyLines.length).isLessThan(PaymentDocument.MAX_BYTES / 2);
        assertThat(receipt.length).isLessThan(PaymentDocument.MAX_BYTES / 2);
    }

    @Test
    void a_document_over_its_ceiling_is_refused_not_cut_short() {
        Text plain = n -> "x".repeat(Math.min(n, 20));
        int size = PaymentPdfs.invoice(invoice(plain), details(plain), SELLER).length;

        assertThat(PaymentPdfs.invoice(invoice(plain), details(plain), SELLER, size)).hasSize(size);
        assertThatThrownBy(() -> PaymentPdfs.invoice(invoice(plain), details(plain), SELLER, size - 1))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("This document would be larger than");
    }

    private static Invoice invoice(Text text) {
        return new Invoice(new PaymentId(UUID.randomUUID()), text.of(INVOICE_NUMBER), text.of(ACCOUNT_NUMBER),
                text.of(InvoiceProperties.RECIPIENT_NAME_MAX), text.of(InvoiceProperties.RECIPIENT_BANK_DETAILS_MAX),
                text.of(TextLimits.LEGAL_NAME), text.of(TextLimits.TAX_ID), text.of(TextLimits.ADDRESS),
                text.of(PURPOSE), AT, AT, sellerCopy(text), "KZ", "ru");
    }

    /** A seller copy with every field as long as its column holds. */
    private static SellerProperties sellerCopy(Text text) {
        int max = SellerProperties.FIELD_MAX;
        var account = new SellerProperties.BankAccount(text.of(max), text.of(max), null, text.of(max), "COBADEFFXXX",
                text.of(max), text.of(max), text.of(max), List.of("USD"));
        return new SellerProperties(text.of(max), text.of(max), "DE", text.of(max), text.of(max), text.of(max),
                text.of(max), text.of(max), 19.0, text.of(max), null, List.of(account));
    }

    private static PaymentDetails details(Text text) {
        return new PaymentDetails(new PaymentId(UUID.randomUUID()), text.of(TextLimits.LEGAL_NAME),
                Money.of("999999999999999.99", "USD"), PaymentStatus.REFUNDED, null, MethodKind.SAVED_METHOD,
                text.of(METHOD_LABEL), "stripe", text.of(PROVIDER_REFERENCE), AT, AT, null, false);
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** A text of n characters. */
    @FunctionalInterface
    private interface Text {
        String of(int n);
    }

    /** The characters the regular font can draw, one after the other and from the start again when all were used. */
    private static final class Glyphs {

        private static final BaseFont FONT = font();
        private static final int[] DRAWABLE = IntStream.range(0x21, 0x10000)
                .filter(c -> Character.isDefined(c) && !Character.isWhitespace(c) && !Character.isSurrogate((char) c))
                .filter(c -> FONT.charExists(c)).toArray();
        private PrimitiveIterator.OfInt next = IntStream.of(DRAWABLE).iterator();

        String text(int n) {
            var out = new StringBuilder(n);
            while (out.length() < n) {
                if (!next.hasNext()) {
                    next = IntStream.of(DRAWABLE).iterator();
                }
                out.appendCodePoint(next.nextInt());
            }
            return out.toString();
        }

        private static BaseFont font() {
            try {
                return BaseFont.createFont("liberation/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H,
                        BaseFont.EMBEDDED, false, PaymentPdfsTest.class.getClassLoader()
                                .getResourceAsStream("liberation/LiberationSans-Regular.ttf").readAllBytes(), null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
