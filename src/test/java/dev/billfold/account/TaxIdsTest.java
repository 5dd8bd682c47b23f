package dev.billfold.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tax id table on its own: what each country accepts, and how it is stored. */
class TaxIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            AT | atu 1234 5678     | ATU12345678
            BE | BE 0123.456.789   | BE0123456789
            GR | EL123456789       | EL123456789
            NL | NL123456789B01    | NL123456789B01
            IE | IE1234567WA       | IE1234567WA
            FR | FR AB 123456789   | FRAB123456789
            SE | SE123456789001    | SE123456789001
            ES | ESX1234567X       | ESX1234567X
            DE | HRB 12345         | HRB 12345
            US | EU372012345       | EU372012345
            US | 12-3456789        | 12-3456789
            KZ | 900101300126      | 900101300126
            UZ | 302 123 456       | 302123456
            """)
    void valid_ids_are_accepted_and_stored_compact_where_the_country_has_a_format(String country, String typed, String stored) {
        TaxIds.Result result = TaxIds.check(typed, country);
        assertThat(result.problem()).isEmpty();
        assertThat(result.value()).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            AT | AT12345678    | That is not a valid AT VAT number: it is AT followed by U and 8 digits, e.g. ATU12345678.
            BE | BE2123456789  | That is not a valid BE VAT number: it is BE followed by 10 digits starting with 0 or 1, e.g. BE0123456789.
            GR | EL12345678    | That is not a valid GR VAT number: it is EL followed by 9 digits, e.g. EL123456789.
            NL | NL123456789   | That is not a valid NL VAT number: it is NL followed by 9 digits, B and 2 digits, e.g. NL123456789B01.
            KZ | 90010130012A  | A Kazakh BIN or IIN has exactly 12 digits.
            UZ | 3021234567    | An Uzbek INN has exactly 9 digits.
            US | #1            | A tax id has only letters, digits, spaces, dots, dashes and slashes.
            """)
    void malformed_ids_get_a_message_that_says_the_expected_shape(String country, String typed, String message) {
        assertThat(TaxIds.check(typed, country).problem()).isEqualTo(message);
    }

    @Test
    void the_kazakh_check_digit_catches_a_typo() {
        assertThat(TaxIds.kazakhCheckDigitMatches("900101300126")).isTrue();
        assertThat(TaxIds.kazakhCheckDigitMatches("900101300123")).isFalse();
        assertThat(TaxIds.kazakhCheckDigitMatches("900101310126")).as("one digit changed").isFalse();
    }

    @Test
    void ids_longer_than_the_column_are_refused() {
        assertThat(TaxIds.check("1".repeat(51), "US").problem()).isEqualTo("A tax id has at most 50 characters.");
    }
}
