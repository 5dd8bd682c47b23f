package dev.billfold.payment;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * Makes OpenPDF's output a PDF/A-2b file (DD-098). OpenPDF writes PDF/A-1 at most, so PDFBox adds what PDF/A-2b asks
 * beyond what the layout already has (embedded fonts, no encryption, no JavaScript): the XMP metadata naming part 2,
 * conformance B, with the document information repeated in it, and an sRGB output intent for the RGB colours used.
 */
public final class PdfA2b {

    static final String PRODUCER = "Billfold (OpenPDF, PDFBox)";
    private static final String SRGB = "sRGB IEC61966-2.1";
    /** The JDK's own sRGB profile (ICC v2): no profile file to ship. */
    private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private PdfA2b() {
    }

    /** The same document as PDF/A-2b; its layout must already embed its fonts and use RGB colours only. */
    public static byte[] convert(byte[] pdf, String title, String author, Instant created) {
        Instant at = created.truncatedTo(ChronoUnit.SECONDS);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            var calendar = GregorianCalendar.from(at.atZone(ZoneOffset.UTC));
            info.setTitle(title);
            info.setAuthor(author);
            info.setCreator("Billfold");
            info.setProducer(PRODUCER);
            info.setCreationDate(calendar);
            info.setModificationDate(calendar);
            dropCidSets(document);
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            var metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmp(title, author, at).getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
            var intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB_PROFILE));
            intent.setInfo(SRGB);
            intent.setOutputCondition(SRGB);
            intent.setOutputConditionIdentifier(SRGB);
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
            var out = new ByteArrayOutputStream(pdf.length + SRGB_PROFILE.length + 4096);
            // Without object streams: the file stays the layout's plus what is added, never smaller than its ceiling.
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make " + title + " a PDF/A-2b file", e);
        }
    }

    /**
     * OpenPDF writes a CIDSet listing the glyphs used, while PDF/A-2 wants every glyph of the subset or none; it is
     * optional in PDF/A-2, so it goes.
     */
    private static void dropCidSets(PDDocument document) throws IOException {
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                if (resources.getFont(name) instanceof PDType0Font font
                        && font.getDescendantFont().getFontDescriptor() != null) {
                    font.getDescendantFont().getFontDescriptor().getCOSObject().removeItem(COSName.CID_SET);
                }
            }
        }
    }

    private static String xmp(String title, String author, Instant at) {
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                   <pdfaid:part>2</pdfaid:part>
                   <pdfaid:conformance>B</pdfaid:conformance>
                   <dc:format>application/pdf</dc:format>
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
                   <xmp:CreatorTool>Billfold</xmp:CreatorTool>
                   <xmp:CreateDate>%s</xmp:CreateDate>
                   <xmp:ModifyDate>%s</xmp:ModifyDate>
                   <pdf:Producer>%s</pdf:Producer>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(escape(title), escape(author), date, date, escape(PRODUCER));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
