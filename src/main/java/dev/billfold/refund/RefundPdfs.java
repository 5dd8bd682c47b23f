package dev.billfold.refund;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.PaymentDocument;
import dev.billfold.payment.PdfA2b;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
 * The refund receipt (credit note), laid out as the payment receipts are (payment/PaymentPdfs): the same embedded
 * Liberation Sans, title, two-column table and footer, so that a customer's documents look like one set. A copy of
 * that layout rather than a shared one: the payment module keeps its PDFs internal, and a credit note is this
 * feature's document.
 */
final class RefundPdfs {

    private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont BOLD = font("liberation/LiberationSans-Bold.ttf");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private RefundPdfs() {
    }

    /** What a credit note states. */
    record CreditNote(String number, String issuer, String accountName, String accountNumber, Instant requestedAt,
                      String amountRequested, List<Line> lines, String total, String requestId) {
    }

    /**
     * One part that went back: where, how much, when, the provider's or the bank transfer's reference, and the
     * receipt of the payment it returns.
     */
    record Line(String destination, String amount, Instant at, String reference, String originalReceipt) {
    }

    static PaymentDocument creditNote(CreditNote note) {
        byte[] pdf = render("Refund receipt " + note.number(), note.issuer().lines().findFirst().orElse(""),
                document -> {
            document.add(title("Refund receipt " + note.number()));
            document.add(line("Credit note: money returned from your balance to your payment methods.", REGULAR, 10));
            var table = table();
            row(table, "Credit note number", note.number());
            row(table, "Issued by", note.issuer());
            row(table, "Account", note.accountName() + " (" + note.accountNumber() + ")");
            row(table, "Requested", DATE_TIME.format(note.requestedAt()));
            row(table, "Amount requested", note.amountRequested());
            for (Line line : note.lines()) {
                row(table, "Refunded to", "%s: %s on %s (reference %s), against receipt %s".formatted(
                        line.destination(), line.amount(), DATE_TIME.format(line.at()), line.reference(),
                        line.originalReceipt()));
            }
            row(table, "Total refunded", note.total());
            row(table, "Refund id", note.requestId());
            document.add(table);
            document.add(line("The refunded amount was debited from your balance. Card and PayPal refunds can take a "
                    + "few business days to show on your statement. Dates are in UTC.", REGULAR, 9));
        });
        return new PaymentDocument("refund-receipt-" + note.number() + ".pdf", pdf);
    }

    private interface Content {
        void write(Document document) throws DocumentException;
    }

    private static byte[] render(String title, String author, Content content) {
        var out = new ByteArrayOutputStream(16 * 1024);
        var document = new Document(PageSize.A4, 56, 56, 56, 56);
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
        byte[] archival = PdfA2b.convert(out.toByteArray(), title, author, Instant.now());
        if (archival.length > PaymentDocument.MAX_BYTES) {
            throw InvalidRequestException.keyed(null, "errors.refund.document-too-large");
        }
        return archival;
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

    private static void row(PdfPTable table, String term, String value) {
        table.addCell(cell(term, BOLD));
        table.addCell(cell(value, REGULAR));
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
    private static String printable(String text, BaseFont font) {
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
        try (InputStream in = RefundPdfs.class.getClassLoader().getResourceAsStream(resource)) {
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
