package dev.billfold.document;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Texts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.openpdf.text.exceptions.BadPasswordException;
import org.openpdf.text.pdf.PdfReader;

/**
 * Whether a file is what it says: a PDF, PNG or JPEG by its content, at most 10 MB. The magic bytes come first; then
 * the file must parse as one: a PDF opens in OpenPDF's reader with at least one page and no password, an image has its
 * end marker and a header ImageIO can read, with a sane size. Images are never decoded, so a decompression bomb costs
 * nothing. Anything else is refused with a message the customer can act on, before anything is stored.
 */
final class DocumentChecks {

    static final int MAX_BYTES = UploadedDocument.MAX_BYTES;
    /** More than any scan or phone photo has; a header claiming more is no payment order. */
    static final long MAX_PIXELS = 100_000_000L;
    static final int MAX_FILE_NAME = 200;

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 'B', 0x60, (byte) 0x82};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] JPEG_END = {(byte) 0xff, (byte) 0xd9};
    private static final Texts.Message WHAT = new Texts.Message("errors.document.what");

    private DocumentChecks() {
    }

    /** The checked kind of {@code document}, or an {@link InvalidRequestException} saying what is wrong. */
    static DocumentKind check(UploadedDocument document) {
        byte[] content = document.content();
        if (content.length == 0) {
            throw refused("errors.document.empty", WHAT);
        }
        if (content.length > MAX_BYTES) {
            throw refused("errors.document.too-large", WHAT);
        }
        if (startsWith(content, PDF)) {
            checkPdf(content);
            return DocumentKind.PDF;
        }
        if (startsWith(content, PNG)) {
            checkImage(content, "png", tailHas(content, PNG_END, 0));
            return DocumentKind.PNG;
        }
        if (startsWith(content, JPEG)) {
            // Some cameras append a little after the end marker; a few bytes of padding are allowed.
            checkImage(content, "jpeg", tailHas(content, JPEG_END, 64));
            return DocumentKind.JPEG;
        }
        throw refused("errors.document.kind", WHAT);
    }

    /** A display name without paths or control characters, cut to the column's size. */
    static String cleanFileName(String name, DocumentKind kind) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            base = "document." + kind.extension();
        }
        return base.length() <= MAX_FILE_NAME ? base : base.substring(0, MAX_FILE_NAME);
    }

    private static void checkPdf(byte[] content) {
        PdfReader reader = null;
        try {
            reader = new PdfReader(content);
            if (reader.getNumberOfPages() < 1) {
                throw refused("errors.document.pdf-no-pages", WHAT);
            }
        } catch (BadPasswordException locked) {
            throw refused("errors.document.pdf-password");
        } catch (InvalidRequestException refusal) {
            throw refusal;
        } catch (IOException | RuntimeException broken) {
            throw refused("errors.document.pdf-unreadable", WHAT);
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    private static void checkImage(byte[] content, String format, boolean complete) {
        String name = format.toUpperCase(Locale.ROOT);
        if (!complete) {
            throw refused("errors.document.image-damaged", name, WHAT);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw new IOException("no " + format + " reader");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
                    throw refused("errors.document.image-size", name, WHAT);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof InvalidRequestException refusal) {
                throw refusal;
            }
            throw refused("errors.document.image-unreadable", name, WHAT);
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /** Whether {@code marker} ends the content, or lies within its last {@code slack} bytes after that. */
    private static boolean tailHas(byte[] content, byte[] marker, int slack) {
        int lowest = Math.max(0, content.length - marker.length - slack);
        for (int at = content.length - marker.length; at >= lowest; at--) {
            if (Arrays.equals(content, at, at + marker.length, marker, 0, marker.length)) {
                return true;
            }
        }
        return false;
    }

    private static InvalidRequestException refused(String key, Object... params) {
        return InvalidRequestException.keyed("document", key, params);
    }
}
