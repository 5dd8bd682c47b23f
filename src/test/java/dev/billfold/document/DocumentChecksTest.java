package dev.billfold.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.MessageLocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Files are known by their content: real small fixtures pass, fakes and oversized ones are refused with a reason. */
class DocumentChecksTest {

    static byte[] fixture(String name) {
        try (InputStream in = DocumentChecksTest.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UploadedDocument file(String name) {
        return new UploadedDocument(name, fixture(name));
    }

    @Test
    void real_pdf_png_and_jpeg_files_are_told_apart_by_their_content_whatever_their_names() {
        assertThat(DocumentChecks.check(file("payment-order.pdf"))).isEqualTo(DocumentKind.PDF);
        assertThat(DocumentChecks.check(file("payment-order.png"))).isEqualTo(DocumentKind.PNG);
        assertThat(DocumentChecks.check(file("payment-order.jpg"))).isEqualTo(DocumentKind.JPEG);
        assertThat(DocumentChecks.check(new UploadedDocument("scan.pdf", fixture("payment-order.png"))))
                .isEqualTo(DocumentKind.PNG);
    }

    @AfterEach
    void noPage() {
        MessageLocale.use(Optional::empty);
    }

    @Test
    void the_refusal_reads_in_the_pages_language_and_stays_english_for_the_logs() {
        MessageLocale.use(() -> Optional.of(Locale.of("kk")));
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> DocumentChecks.check(file("not-a-pdf.pdf")));

        assertThat(refused.getMessage()).isEqualTo("That file is not a PDF, PNG or JPEG. Upload a PDF, PNG or JPEG "
                + "file of at most 10 MB.");
        assertThat(refused.getLocalizedMessage()).isEqualTo("Бұл файл PDF, PNG немесе JPEG емес. Көлемі 10 МБ-тан "
                + "аспайтын PDF, PNG немесе JPEG файлын жүктеңіз.");
    }

    @Test
    void a_text_file_named_pdf_is_refused() {
        assertRefused(file("not-a-pdf.pdf"), "not a PDF, PNG or JPEG");
    }

    @Test
    void a_file_with_a_pdf_header_and_nothing_of_a_pdf_after_it_is_refused() {
        assertRefused(file("fake-header.pdf"), "cannot be read as one");
    }

    @Test
    void images_cut_short_or_with_a_broken_header_are_refused() {
        byte[] png = fixture("payment-order.png");
        assertRefused(new UploadedDocument("cut.png", Arrays.copyOf(png, png.length - 20)), "cut short");
        byte[] jpeg = fixture("payment-order.jpg");
        assertRefused(new UploadedDocument("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2)), "cut short");
        byte[] headless = png.clone();
        Arrays.fill(headless, 8, 30, (byte) 0);
        assertRefused(new UploadedDocument("broken.png", headless), "cannot be read");
    }

    @Test
    void an_empty_file_and_one_over_10_mb_are_refused_before_anything_else() {
        assertRefused(new UploadedDocument("empty.pdf", new byte[0]), "empty");
        byte[] big = Arrays.copyOf(fixture("payment-order.pdf"), DocumentChecks.MAX_BYTES + 1);
        assertRefused(new UploadedDocument("big.pdf", big), "larger than 10 MB");
        byte[] atLimit = Arrays.copyOf(fixture("payment-order.png"), DocumentChecks.MAX_BYTES);
        assertThat(DocumentChecks.MAX_BYTES).isEqualTo(10 * 1024 * 1024);
        assertRefused(new UploadedDocument("padded.png", atLimit), "cut short");
    }

    @Test
    void file_names_lose_paths_and_control_characters() {
        assertThat(DocumentChecks.cleanFileName("C:\\Users\\pat\\order.pdf", DocumentKind.PDF)).isEqualTo("order.pdf");
        assertThat(DocumentChecks.cleanFileName("../../etc/x\u0000.png", DocumentKind.PNG)).isEqualTo("x.png");
        assertThat(DocumentChecks.cleanFileName("  ", DocumentKind.JPEG)).isEqualTo("document.jpg");
    }

    private static void assertRefused(UploadedDocument document, String words) {
        assertThatThrownBy(() -> DocumentChecks.check(document)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(words);
    }
}
