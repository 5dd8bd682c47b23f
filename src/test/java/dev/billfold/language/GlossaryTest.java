package dev.billfold.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.payment.PaymentStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The glossary in docs/i18n.md names every payment status as the bundles do, so reviewers read the real words. */
class GlossaryTest {

    @Test
    void the_status_table_is_the_bundles_status_names_in_every_language() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("docs/i18n.md"), StandardCharsets.UTF_8);
        var translations = new Translations();
        List<String> expected = new ArrayList<>();
        for (PaymentStatus status : PaymentStatus.values()) {
            var row = new StringBuilder("| " + status.name() + " |");
            for (Language language : List.of(Language.EN, Language.RU, Language.UZ, Language.KK, Language.SW)) {
                row.append(' ').append(translations.translate(language, "payment.status." + status.name()))
                        .append(" |");
            }
            expected.add(row.toString());
        }
        assertThat(rows).containsAll(expected);
    }
}
