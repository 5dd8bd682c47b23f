package dev.billfold.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells a spreadsheet would run as formulas are exported as text; our own numbers stay numbers. */
class CsvCellTest {

    @Test
    void cells_starting_with_a_formula_character_get_a_leading_apostrophe() {
        assertThat(TransactionHistoryQuery.safe("=1+1")).isEqualTo("'=1+1");
        assertThat(TransactionHistoryQuery.safe("+SUM(A1)")).isEqualTo("'+SUM(A1)");
        assertThat(TransactionHistoryQuery.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(TransactionHistoryQuery.safe("@cmd")).isEqualTo("'@cmd");
        assertThat(TransactionHistoryQuery.safe("\tx")).isEqualTo("'\tx");
    }

    @Test
    void plain_numbers_and_ordinary_text_are_left_alone() {
        assertThat(TransactionHistoryQuery.safe("-24.00")).isEqualTo("-24.00");
        assertThat(TransactionHistoryQuery.safe("200.00")).isEqualTo("200.00");
        assertThat(TransactionHistoryQuery.safe("Top-up: Visa")).isEqualTo("Top-up: Visa");
        assertThat(TransactionHistoryQuery.safe("")).isEmpty();
    }
}
