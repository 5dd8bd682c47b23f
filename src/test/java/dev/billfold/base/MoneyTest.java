package dev.billfold.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void holds_exactly_the_currencys_minor_units() {
        assertThat(Money.of("10", "USD").value()).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.of("10.5000", "USD")).isEqualTo(Money.of("10.50", "USD"));
        assertThat(Money.of("1500", "JPY").value()).isEqualTo(new BigDecimal("1500"));
    }

    @Test
    void never_rounds() {
        assertThatThrownBy(() -> Money.of("10.001", "USD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 decimal places");
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmetic_stays_in_one_currency() {
        assertThat(Money.of("0.10", "USD").plus(Money.of("0.20", "USD"))).isEqualTo(Money.of("0.30", "USD"));
        assertThat(Money.of("5", "USD").minus(Money.of("7.5", "USD")).isNegative()).isTrue();
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formats_for_people() {
        assertThat(Money.of("1250", "USD").format()).isEqualTo("$1,250.00");
        assertThat(Money.of("1000000", "KZT").format()).isEqualTo("KZT 1,000,000.00");
    }

    @Test
    void formats_by_the_readers_locale_with_cldr_grouping_decimal_sign_and_currency_sign() {
        Money tenge = Money.of("12345.5", "KZT");
        assertThat(tenge.format(Locale.of("kk"))).isEqualTo("12\u00A0345,50\u00A0₸");
        assertThat(tenge.format(Locale.of("ru"))).isEqualTo("12\u00A0345,50\u00A0KZT");
        assertThat(Money.of("12345.5", "UZS").format(Locale.of("uz"))).isEqualTo("12\u00A0345,50\u00A0soʻm");
        assertThat(Money.of("12345.5", "KES").format(Locale.of("sw"))).isEqualTo("Ksh\u00A012,345.50");
        assertThat(tenge.format(Locale.ENGLISH)).isEqualTo("KZT 12,345.50").isEqualTo(tenge.format());
        assertThat(Money.of("1250", "USD").format(Locale.ENGLISH)).isEqualTo("$1,250.00");
    }
}
