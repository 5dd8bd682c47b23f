package dev.billfold.gateway.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import org.junit.jupiter.api.Test;

/** Minor units as Stripe's currency table defines them, which is not always what ISO 4217 / java.util.Currency says. */
class StripeAmountsTest {

    @Test
    void two_decimal_currencies_including_uzs_and_kzt_are_sent_in_hundredths() {
        assertThat(StripeAmounts.toMinor(Money.of("0.50", "USD"))).isEqualTo(50);
        assertThat(StripeAmounts.toMinor(Money.of("15000.00", "USD"))).isEqualTo(1_500_000);
        assertThat(StripeAmounts.toMinor(Money.of("10000", "UZS"))).isEqualTo(1_000_000);
        assertThat(StripeAmounts.toMinor(Money.of("500", "KZT"))).isEqualTo(50_000);
    }

    @Test
    void zero_decimal_currencies_are_sent_in_whole_units() {
        assertThat(StripeAmounts.toMinor(Money.of("500", "JPY"))).isEqualTo(500);
        assertThat(StripeAmounts.toMinor(Money.of("1000", "KRW"))).isEqualTo(1000);
        // ISO 4217 gives MGA two decimals; Stripe takes it zero-decimal.
        assertThat(StripeAmounts.toMinor(Money.of("300.00", "MGA"))).isEqualTo(300);
    }

    @Test
    void isk_is_whole_kronur_sent_in_hundredths() {
        assertThat(StripeAmounts.toMinor(Money.of("5", "ISK"))).isEqualTo(500);
        assertThat(StripeAmounts.fromMinor(500, "isk")).isEqualTo(Money.of("5", "ISK"));
    }

    @Test
    void three_decimal_currencies_are_sent_in_thousandths_ending_in_zero() {
        assertThat(StripeAmounts.toMinor(Money.of("5.120", "KWD"))).isEqualTo(5120);
        assertThatThrownBy(() -> StripeAmounts.toMinor(Money.of("5.124", "KWD")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Card payments can only take KWD amounts with at most 2 decimal places; KWD 5.124 cannot be charged by card.");
    }

    @Test
    void fractions_stripe_cannot_charge_are_refused_not_rounded() {
        assertThatThrownBy(() -> StripeAmounts.toMinor(Money.of("300.50", "MGA")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("whole MGA");
    }

    @Test
    void reported_amounts_come_back_in_major_units() {
        assertThat(StripeAmounts.fromMinor(15000, "usd")).isEqualTo(Money.of("150.00", "USD"));
        assertThat(StripeAmounts.fromMinor(500, "jpy")).isEqualTo(Money.of("500", "JPY"));
        assertThat(StripeAmounts.fromMinor(1_000_000, "uzs")).isEqualTo(Money.of("10000.00", "UZS"));
        assertThat(StripeAmounts.fromMinor(5120, "kwd")).isEqualTo(Money.of("5.120", "KWD"));
    }
}
