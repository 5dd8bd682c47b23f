package dev.billfold.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class PayPalCurrenciesTest {

    @Test
    void amounts_are_sent_as_paypal_decimal_strings() {
        assertThat(PayPalCurrencies.value(new BigDecimal("150"), Currency.getInstance("USD"))).isEqualTo("150.00");
        assertThat(PayPalCurrencies.value(new BigDecimal("0.5"), Currency.getInstance("EUR"))).isEqualTo("0.50");
        assertThat(PayPalCurrencies.value(new BigDecimal("1500.00"), Currency.getInstance("JPY"))).isEqualTo("1500");
        assertThat(PayPalCurrencies.value(new BigDecimal("1500.00"), Currency.getInstance("HUF"))).isEqualTo("1500");
    }

    @Test
    void currencies_paypal_does_not_take_or_fractions_it_refuses_are_not_sent() {
        assertThat(PayPalCurrencies.supports(Currency.getInstance("USD"))).isTrue();
        assertThat(PayPalCurrencies.supports(Currency.getInstance("UZS"))).isFalse();
        assertThat(PayPalCurrencies.supports(Currency.getInstance("KZT"))).isFalse();
        assertThatThrownBy(() -> PayPalCurrencies.value(new BigDecimal("100000"), Currency.getInstance("UZS")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayPalCurrencies.value(new BigDecimal("10.50"), Currency.getInstance("HUF")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("PayPal takes whole HUF amounts only");
    }

    @Test
    void the_saved_wallet_label_masks_the_email() {
        assertThat(PayPalGateway.label("alice@example.com")).isEqualTo("PayPal · a•••@example.com");
        assertThat(PayPalGateway.label(null)).isEqualTo("PayPal");
    }
}
