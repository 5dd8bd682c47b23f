package dev.billfold.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.base.Money;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementParserTest {

    @TempDir
    Path dir;

    @Test
    void camt053_001_02_binds_every_entry_with_its_reference_debtor_and_purpose() throws IOException {
        List<StatementEntry> entries = new ArrayList<>();
        assertThat(StatementParser.parse(fixture("camt053-v02-cases.xml"), entries::add))
                .isEqualTo(StatementFormat.CAMT_053_001_02);
        assertThat(entries).hasSize(14);
        StatementEntry first = entries.getFirst();
        assertThat(first.statementAccount()).isEqualTo("KZ86125KZT5004100100");
        assertThat(first.bankReference()).isEqualTo("FIX-0001");
        assertThat(first.amount()).isEqualTo(Money.of("100.00", "USD"));
        assertThat(first.credit()).isTrue();
        assertThat(first.booked()).isTrue();
        assertThat(first.debtorName()).isEqualTo("Fixture Trading LLC");
        assertThat(first.debtorTaxId()).isEqualTo("FX123456");
        assertThat(first.debtorIndividual()).isFalse();
        assertThat(first.remittance()).isEqualTo("Invoice INV-FIX-000001");
        assertThat(entries.get(1).remittance()).isEqualTo("INV-FIX-000002");
        assertThat(entries.get(5).debtorIndividual()).isTrue();
        assertThat(entries.get(9).credit()).isFalse();
        assertThat(entries.get(12).booked()).isFalse();
        assertThat(entries.get(13).bankReference()).isEqualTo("NREF-0013");
    }

    @Test
    void camt053_001_08_reads_the_coded_status_and_the_party_wrapped_debtor() throws IOException {
        List<StatementEntry> entries = new ArrayList<>();
        assertThat(StatementParser.parse(fixture("camt053-v08-cases.xml"), entries::add))
                .isEqualTo(StatementFormat.CAMT_053_001_08);
        assertThat(entries).hasSize(4);
        assertThat(entries.getFirst().booked()).isTrue();
        assertThat(entries.get(1).debtorName()).isEqualTo("Jane Doe");
        assertThat(entries.get(1).debtorIndividual()).isTrue();
        assertThat(entries.get(1).debtorTaxId()).isEqualTo("JD-1980");
        assertThat(entries.get(3).credit()).isFalse();
    }

    @Test
    void camt054_takes_the_account_from_its_other_id() throws IOException {
        List<StatementEntry> entries = new ArrayList<>();
        assertThat(StatementParser.parse(fixture("camt054-v02-cases.xml"), entries::add))
                .isEqualTo(StatementFormat.CAMT_054_001_02);
        assertThat(entries).extracting(StatementEntry::statementAccount).containsOnly("40702840900000012345");
        assertThat(entries).extracting(StatementEntry::bankReference).containsExactly("N54-0001", "N54-0002");
    }

    @Test
    void mt940_reads_61_and_86_with_the_servicing_institutions_reference() throws IOException {
        List<StatementEntry> entries = new ArrayList<>();
        assertThat(StatementParser.parse(fixture("mt940-cases.txt"), entries::add)).isEqualTo(StatementFormat.MT940);
        assertThat(entries).hasSize(4);
        StatementEntry first = entries.getFirst();
        assertThat(first.statementAccount()).isEqualTo("KZ86125KZT5004100100");
        assertThat(first.bankReference()).isEqualTo("MT-0001");
        assertThat(first.amount()).isEqualTo(Money.of("100.00", "USD"));
        assertThat(first.remittance()).isEqualTo("Invoice INV-FIX-000001 Fixture Trading LLC");
        assertThat(entries.get(1).remittance()).contains("personal account number 100000308");
        assertThat(entries.get(2).credit()).isFalse();
    }

    @Test
    void a_doctype_is_refused_before_any_entity_is_resolved() {
        assertRefused("xxe.xml", "DOCTYPE");
        assertRefused("billion-laughs.xml", "DOCTYPE");
    }

    @Test
    void bad_files_are_refused_with_a_clear_message() {
        assertRefused("wrong-namespace.xml", "camt.052.001.02");
        assertRefused("malformed.xml", "not well-formed");
        assertRefused("malformed-amount.xml", "Entry 2 has an amount that cannot be read");
        assertRefused("wrong-type.csv", "neither a camt.053");
        assertRefused("malformed-mt940.txt", "value date");
    }

    @Test
    void a_file_over_the_limit_is_refused_while_it_is_copied() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/statements/camt053-v02-cases.xml")) {
            assertThatThrownBy(() -> StatementSpool.of(in, 1024)).isInstanceOf(StatementFileException.class)
                    .hasMessageContaining("larger than the limit");
        }
    }

    private void assertRefused(String name, String message) {
        List<StatementEntry> entries = new ArrayList<>();
        assertThatThrownBy(() -> StatementParser.parse(fixture(name), entries::add))
                .isInstanceOf(StatementFileException.class).hasMessageContaining(message);
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/statements/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
