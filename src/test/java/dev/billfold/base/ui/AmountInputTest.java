package dev.billfold.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountInputTest {

    @ParameterizedTest(name = "{0}: \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            "en | 1234.50     | 1234.50",
            "en | 1,234.50    | 1234.50",
            "en | 1,234,567   | 1234567",
            "en | 100         | 100",
            "en | 12,5        | 12.5",
            "ru | 1 234,50    | 1234.50",
            "ru | 1\u00A0234,5 | 1234.5",
            "ru | 12,50       | 12.50",
            "ru | 12.50       | 12.50",
            "ru | 1,234       | 1.234",
            "kk | 4 631,79    | 4631.79",
            "uz | 10 000      | 10000",
            "sw | 1,000.25    | 1000.25",
            "en | -5          | -5",
    })
    void reads_the_locales_signs_and_the_other_decimal_sign_where_it_cannot_group(String tag, String typed,
                                                                                  String plain) {
        assertThat(AmountInput.normalise(typed, Locale.of(tag))).contains(plain);
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is refused")
    @CsvSource(delimiter = '|', value = {
            "en | 1,234,5",
            "en | 1.234,50",
            "ru | 1.234",
            "ru | 1.234,50",
            "ru | 1,234.50",
            "ru | 12,5,0",
            "en | 12a",
            "en | 1e5",
            "kk | 4.631",
    })
    void refuses_what_could_be_read_two_ways_or_is_no_number(String tag, String typed) {
        assertThat(AmountInput.normalise(typed, Locale.of(tag))).isEmpty();
    }
}
