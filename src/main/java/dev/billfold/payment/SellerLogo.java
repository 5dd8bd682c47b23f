package dev.billfold.payment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * The seller's logo as the PNG the PDFs draw: a PNG file as it is, an SVG file rasterised once by Apache Batik (the
 * PDF library draws no SVG). Wide enough to stay sharp at the 160-point width the header gives it.
 */
final class SellerLogo {

    /** Three pixels per point of the header's 160-point logo width. */
    static final float SVG_WIDTH_PIXELS = 480;

    private static final Map<String, byte[]> RASTERISED = new ConcurrentHashMap<>();

    private SellerLogo() {
    }

    static boolean isSvg(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".svg");
    }

    /** The PNG bytes of the logo at {@code path}; an SVG that cannot be drawn is refused with its reason. */
    static byte[] png(String path) {
        if (!isSvg(path)) {
            try {
                return Files.readAllBytes(Path.of(path));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the seller's logo " + path, e);
            }
        }
        return RASTERISED.computeIfAbsent(path, SellerLogo::rasterise);
    }

    private static byte[] rasterise(String path) {
        var transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, SVG_WIDTH_PIXELS);
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            var out = new ByteArrayOutputStream();
            transcoder.transcode(new TranscoderInput(in), new TranscoderOutput(out));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seller's logo " + path, e);
        } catch (TranscoderException e) {
            String reason = e.getException() != null ? e.getException().getMessage() : e.getMessage();
            throw new IllegalArgumentException("the SVG cannot be drawn: " + reason, e);
        }
    }
}
