package dev.billfold.payment;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Lays out invoice and receipt PDFs. Text is set in an embedded Liberation Sans: the standard Helvetica has only
 * Western European characters, and payer names may be Cyrillic; a character the font still lacks is printed as "?"
 * rather than silently dropped.
 */
final class PaymentPdfs {

    private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont BOLD = font("liberation/LiberationSans-Bold.ttf");

    private PaymentPdfs() {
    }

    static byte[] invoice(Invoice invoice, PaymentDetails payment, SellerProperties configured) {
        return invoice(invoice, payment, configured, PaymentDocument.MAX_BYTES);
    }

    /**
     * No payment status on it: an invoice states what is owed, and a paid one is the same document (DD-094). The
     * seller, its tax and its bank account are those the invoice was issued with.
     */
    static byte[] invoice(Invoice invoice, PaymentDetails payment, SellerProperties configured, int maxBytes) {
        DocumentWording words = DocumentWording.of(invoice.wordsLanguage());
        SellerProperties seller = invoice.sellerAsIssued(configured);
        Money gross = payment.amount();
        InvoiceTax tax = InvoiceTax.of(seller, invoice.payerTaxId(), gross);
        SellerProperties.@Nullable BankAccount account = seller.accountFor(gross.currencyCode());
        return render(words.invoice() + " " + invoice.number(), seller.legalName(), maxBytes, document -> {
            addLogo(document, seller);
            document.add(title(words.invoice() + " " + invoice.number()));
            var dates = table();
            row(dates, "Invoice number", invoice.number());
            row(dates, "Issue date", DocumentDates.date(invoice.issuedAt()));
            row(dates, "Due date", DocumentDates.date(invoice.dueAt()));
            row(dates, "Account number", invoice.accountNumber());
            document.add(dates);
            document.add(parties(seller.block(), buyerBlock(invoice)));
            document.add(lineItem(invoice.accountNumber(), tax));
            var totals = table();
            row(totals, "Net total", tax.net().format());
            row(totals, seller.taxName() + " " + tax.rateLabel(), tax.tax().format());
            row(totals, "Total due", gross.format() + " (" + gross.currencyCode() + ")");
            row(totals, "Total in words", AmountInWords.english(gross));
            document.add(totals);
            if (!AmountInWords.ENGLISH.equals(invoice.wordsLanguage())) {
                document.add(line(AmountInWords.totalLine(invoice.wordsLanguage(), gross), BOLD, 10));
            }
            if (tax.wording() != null) {
                document.add(line(tax.wording(), REGULAR, 9));
            }
            document.add(line(InvoiceTax.PREPAYMENT, REGULAR, 9));
            document.add(line("Payment instructions", BOLD, 12));
            var pay = table();
            row(pay, "Pay to", invoice.payTo(account));
            row(pay, "Bank details", invoice.bankDetails(account));
            row(pay, "Amount", gross.format() + " (" + gross.currencyCode() + ")");
            row(pay, "Payment purpose", invoice.purpose());
            if (account != null && account.iban() != null && "EUR".equals(gross.currencyCode())) {
                document.add(withEpcQr(pay, EpcQr.payload(account.holder(), account.iban(), account.bic(), gross,
                        "Invoice " + invoice.number() + ", account " + invoice.accountNumber())));
            } else {
                document.add(pay);
            }
            document.add(line(thirdPartyNote(invoice), REGULAR, 9));
            document.add(line("Dates are in UTC.", REGULAR, 8));
        });
    }

    static String thirdPartyNote(Invoice invoice) {
        return "Paying for someone else? Quote invoice " + invoice.number() + " and account number "
                + invoice.accountNumber() + " in the purpose exactly as above, so that the transfer is credited to "
                + "this account; a transfer without them waits for clarification.";
    }

    static String lineDescription(String accountNumber) {
        return "Prepayment for hosting services, account " + accountNumber;
    }

    private static PdfPTable lineItem(String accountNumber, InvoiceTax tax) {
        var table = new PdfPTable(new float[] {4.4f, 0.5f, 1.3f, 0.8f, 1.2f, 1.3f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(6);
        for (String head : new String[] {"Description", "Qty", "Unit price", "Tax rate", "Tax", "Amount"}) {
            table.addCell(cell(head, BOLD));
        }
        for (String value : new String[] {lineDescription(accountNumber), "1", tax.net().format(), tax.rateLabel(),
            tax.tax().format(), tax.gross().format()}) {
            table.addCell(cell(value, REGULAR));
        }
        return table;
    }

    /** The payer as copied on the invoice, with the country it was issued to. */
    static List<String> buyerBlock(Invoice invoice) {
        var lines = new ArrayList<String>();
        lines.add(invoice.payerName());
        lines.add(invoice.payerAddress());
        addIf(lines, "Country: ", invoice.buyerCountryName());
        addIf(lines, "Tax/VAT id: ", invoice.payerTaxId());
        return lines;
    }

    private static void addIf(List<String> lines, String term, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            lines.add(term + value);
        }
    }

    private static PdfPTable parties(List<String> seller, List<String> buyer) {
        var table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        table.addCell(cell("Seller", BOLD));
        table.addCell(cell("Buyer", BOLD));
        table.addCell(cell(String.join("\n", seller), REGULAR));
        table.addCell(cell(String.join("\n", buyer), REGULAR));
        return table;
    }

    private static void addLogo(Document document, SellerProperties seller) throws DocumentException {
        if (seller.logo() == null) {
            return;
        }
        try {
            Image logo = Image.getInstance(SellerLogo.png(seller.logo()));
            logo.scaleToFit(160, 48);
            document.add(logo);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seller's logo " + seller.logo(), e);
        }
    }

    /** The instructions with the EPC QR code beside them. */
    private static PdfPTable withEpcQr(PdfPTable instructions, String payload) {
        try {
            Image qr = Image.getInstance(EpcQr.image(payload), null, true);
            qr.scaleAbsolute(110, 110);
            var table = new PdfPTable(new float[] {3, 1.1f});
            table.setWidthPercentage(100);
            var left = new PdfPCell(instructions);
            left.setBorder(Rectangle.NO_BORDER);
            table.addCell(left);
            var right = new PdfPCell();
            right.setBorder(Rectangle.NO_BORDER);
            right.addElement(qr);
            right.addElement(new Paragraph(printable("Scan with your banking app: SEPA credit transfer (EPC QR).",
                    REGULAR), new Font(REGULAR, 7)));
            table.addCell(right);
            return table;
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("Cannot draw the EPC QR code", e);
        }
    }

    static byte[] receipt(Receipt receipt) {
        PaymentDetails payment = receipt.payment();
        SellerProperties seller = receipt.seller();
        String title = (payment.invoice() == null ? DocumentWording.ENGLISH
                : DocumentWording.of(payment.invoice().wordsLanguage())).receipt() + " " + receipt.number();
        return render(title, seller.legalName(), PaymentDocument.MAX_BYTES, document -> {
            addLogo(document, seller);
            document.add(title(title));
            Invoice invoice = payment.invoice();
            document.add(parties(seller.block(), invoice == null ? List.of(payment.payerName())
                    : buyerBlock(invoice)));
            var table = table();
            row(table, "Receipt number", receipt.number());
            row(table, "Method", method(payment, receipt.creditedAt()));
            row(table, "Amount credited", payment.amount().format() + " (" + payment.amount().currencyCode() + ")");
            if (payment.paidIn() != null) {
                // Both currencies, as converted at the quote the payer confirmed (DD-096).
                row(table, "Amount paid", payment.paidIn().describe());
            }
            row(table, "Credited", DocumentDates.dateTime(receipt.creditedAt()));
            row(table, "Status", payment.status().label());
            if (receipt.refundedAt() != null) {
                row(table, "Refunded", payment.amount().format() + " returned to the payer on "
                        + DocumentDates.dateTime(receipt.refundedAt()));
            }
            if (payment.providerReference() != null) {
                row(table, "Provider reference", payment.providerReference());
            }
            row(table, "Payment id", payment.id().value().toString());
            document.add(table);
            document.add(line("Thank you for your payment. Dates are in UTC.", REGULAR, 9));
        });
    }

    /** "Visa •••• 4242", "PayPal", or "Bank transfer of 2026-12-01, reference ... (Invoice ...)". */
    static String method(PaymentDetails payment, Instant creditedAt) {
        if (payment.methodKind() != MethodKind.INVOICE) {
            return payment.methodLabel();
        }
        String reference = payment.providerReference() == null ? "" : ", reference " + payment.providerReference();
        return "Bank transfer of " + DocumentDates.date(creditedAt).replace(" UTC", "") + reference + " ("
                + payment.methodLabel() + ")";
    }

    private interface Content {
        void write(Document document) throws DocumentException;
    }

    private static byte[] render(String title, String author, int maxBytes, Content content) {
        var out = new CappedBytes(maxBytes);
        var document = new Document(PageSize.A4, 42, 42, 36, 36);
        try {
            // PDF/A-2 is based on PDF 1.7; OpenPDF would write 2.0 (DD-098).
            PdfWriter.getInstance(document, out).setPdfVersion(PdfWriter.VERSION_1_7);
            document.addTitle(title);
            document.addAuthor(author);
            document.addCreator("Billfold");
            document.open();
            content.write(document);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out " + title, e);
        } finally {
            document.close();
        }
        if (!out.overflowed()) {
            byte[] archival = PdfA2b.convert(out.toByteArray(), title, author, Instant.now());
            if (archival.length <= maxBytes) {
                return archival;
            }
        }
        throw new InvalidRequestException(String.format(Locale.ROOT, "This document would be larger than %,d KB, "
                + "more than we hand out. Contact support.", maxBytes / 1024));
    }

    /**
     * Keeps at most the ceiling; past it, the rest is dropped and the document refused, so a document is never handed
     * out cut short, and never held larger than the ceiling.
     */
    private static final class CappedBytes extends ByteArrayOutputStream {

        private final int max;
        private boolean overflowed;

        CappedBytes(int max) {
            super(16 * 1024);
            this.max = max;
        }

        @Override
        public synchronized void write(int b) {
            if (fits(1)) {
                super.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (fits(len)) {
                super.write(b, off, len);
            }
        }

        private boolean fits(int len) {
            overflowed |= count + (long) len > max;
            return !overflowed;
        }

        boolean overflowed() {
            return overflowed;
        }
    }

    private static Paragraph title(String text) {
        var title = new Paragraph(printable(text, BOLD), new Font(BOLD, 16));
        title.setSpacingAfter(6);
        return title;
    }

    private static Paragraph line(String text, BaseFont font, float size) {
        var line = new Paragraph(printable(text, font), new Font(font, size));
        line.setSpacingBefore(3);
        line.setSpacingAfter(3);
        return line;
    }

    private static PdfPTable table() {
        var table = new PdfPTable(new float[] {1, 2.6f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(3);
        table.setSpacingAfter(6);
        return table;
    }

    private static void row(PdfPTable table, String term, @Nullable String value) {
        table.addCell(cell(term, BOLD));
        table.addCell(cell(value == null ? "" : value, REGULAR));
    }

    private static PdfPCell cell(String text, BaseFont font) {
        var cell = new PdfPCell(new Phrase(new Chunk(printable(text, font), new Font(font, 9))));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(new Color(0xDD, 0xDD, 0xDD));
        cell.setPadding(3);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }

    /** Replaces what the font cannot draw, so nothing silently vanishes from an amount or a name. */
    static String printable(String text, BaseFont font) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || font.charExists(c)) {
                out.appendCodePoint(c);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static BaseFont font(String resource) {
        try (InputStream in = PaymentPdfs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Font " + resource + " is missing from the class path (openpdf-fonts-extra)");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot load font " + resource, e);
        }
    }
}
