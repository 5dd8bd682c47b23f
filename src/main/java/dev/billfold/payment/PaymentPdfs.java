package dev.billfold.payment;

import dev.billfold.base.InvalidRequestException;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
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

    static byte[] invoice(Invoice invoice, PaymentDetails payment) {
        return invoice(invoice, payment, PaymentDocument.MAX_BYTES);
    }

    static byte[] invoice(Invoice invoice, PaymentDetails payment, int maxBytes) {
        return render("Invoice " + invoice.number(), invoice.recipientName(), maxBytes, document -> {
            document.add(title("Invoice " + invoice.number()));
            if (payment.status().hasReceipt()) {
                document.add(line("PAID: " + payment.status().label(), BOLD, 12));
            }
            var table = table();
            row(table, "Invoice number", invoice.number());
            row(table, "Issued", DocumentDates.dateTime(invoice.issuedAt()));
            row(table, "Due", DocumentDates.dateTime(invoice.dueAt()));
            row(table, "Status", payment.status().label());
            row(table, "Pay to", invoice.recipientName());
            row(table, "Bank details", invoice.recipientBankDetails());
            row(table, "Payer", invoice.payerName());
            row(table, "Account number", invoice.accountNumber());
            if (invoice.payerTaxId() != null) {
                row(table, "Payer tax id", invoice.payerTaxId());
            }
            row(table, "Payer address", invoice.payerAddress());
            row(table, "Amount", payment.amount().format() + " (" + payment.amount().currencyCode() + ")");
            row(table, "Reference to quote", invoice.number());
            row(table, "Payment purpose", invoice.purpose());
            document.add(table);
            document.add(line("Please quote the reference " + invoice.number() + " with your transfer, so that we can "
                    + "credit it to your balance. Dates are in UTC.", REGULAR, 9));
        });
    }

    static byte[] receipt(Receipt receipt) {
        PaymentDetails payment = receipt.payment();
        return render("Receipt " + receipt.number(), receipt.issuer(), PaymentDocument.MAX_BYTES, document -> {
            document.add(title("Receipt " + receipt.number()));
            var table = table();
            row(table, "Receipt number", receipt.number());
            row(table, "Received by", receipt.issuer());
            row(table, "Payer", payment.payerName());
            row(table, "Method", payment.methodKind() == MethodKind.INVOICE
                    ? "Bank transfer (" + payment.methodLabel() + ")" : payment.methodLabel());
            row(table, "Amount", payment.amount().format() + " (" + payment.amount().currencyCode() + ")");
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

    private interface Content {
        void write(Document document) throws DocumentException;
    }

    private static byte[] render(String title, String author, int maxBytes, Content content) {
        var out = new CappedBytes(maxBytes);
        var document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
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
        if (out.overflowed()) {
            throw new InvalidRequestException(String.format(Locale.ROOT, "This document would be larger than %,d KB, "
                    + "more than we hand out. Contact support.", maxBytes / 1024));
        }
        return out.toByteArray();
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
        var title = new Paragraph(printable(text, BOLD), new Font(BOLD, 18));
        title.setSpacingAfter(12);
        return title;
    }

    private static Paragraph line(String text, BaseFont font, float size) {
        var line = new Paragraph(printable(text, font), new Font(font, size));
        line.setSpacingBefore(6);
        line.setSpacingAfter(6);
        return line;
    }

    private static PdfPTable table() {
        var table = new PdfPTable(new float[] {1, 2.6f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(12);
        return table;
    }

    private static void row(PdfPTable table, String term, @Nullable String value) {
        table.addCell(cell(term, BOLD));
        table.addCell(cell(value == null ? "" : value, REGULAR));
    }

    private static PdfPCell cell(String text, BaseFont font) {
        var cell = new PdfPCell(new Phrase(new Chunk(printable(text, font), new Font(font, 10))));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(new Color(0xDD, 0xDD, 0xDD));
        cell.setPadding(5);
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
