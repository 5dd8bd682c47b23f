package dev.billfold.payment;

/**
 * A downloadable PDF about one payment: its invoice or its receipt.
 *
 * @param fileName for the browser, e.g. {@code invoice-INV-2026-000123.pdf}
 * @param pdf      the whole document; a page or two, so it is held in memory
 */
public record PaymentDocument(String fileName, byte[] pdf) {

    public static final String CONTENT_TYPE = "application/pdf";
    /**
     * The largest document handed out: 1 MB. The texts on it are bounded by their columns; the worst case (every
     * field full, of as many different characters as the fonts have) stays well below, see PaymentPdfsTest.
     */
    public static final int MAX_BYTES = 1024 * 1024;
}
