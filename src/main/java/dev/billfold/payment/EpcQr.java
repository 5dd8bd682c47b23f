package dev.billfold.payment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.billfold.base.Money;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The SEPA credit transfer QR code of EPC069-12 (version 002), which European banking apps scan to fill in a
 * transfer: fixed lines, UTF-8, error correction M, at most 331 bytes.
 */
final class EpcQr {

    private static final int NAME_MAX = 70;
    private static final int REMITTANCE_MAX = 140;

    private EpcQr() {
    }

    static String payload(String beneficiary, String iban, String bic, Money amount, String remittance) {
        if (!"EUR".equals(amount.currencyCode())) {
            throw new IllegalArgumentException("An EPC QR code is for EUR transfers only, not "
                    + amount.currencyCode());
        }
        return String.join("\n", "BCD", "002", "1", "SCT", bic == null ? "" : bic, cut(beneficiary, NAME_MAX),
                iban, "EUR" + amount.value().toPlainString(), "", "", cut(remittance, REMITTANCE_MAX));
    }

    /** One pixel per module, with the quiet zone. */
    static BufferedImage image(String payload) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(new String(payload.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1), BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode the EPC QR code", e);
        }
    }

    private static String cut(String text, int max) {
        String oneLine = text.replace('\n', ' ').strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max);
    }
}
