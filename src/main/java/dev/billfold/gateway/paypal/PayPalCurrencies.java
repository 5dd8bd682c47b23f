package dev.billfold.gateway.paypal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Set;

/**
 * The currencies PayPal accepts for payments (developer.paypal.com, "Currency codes"). UZS and KZT are not among them,
 * so PayPal is not offered to accounts in those currencies. HUF, JPY and TWD take whole amounts only.
 */
final class PayPalCurrencies {

    private static final Set<String> SUPPORTED = Set.of("AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF",
            "ILS", "JPY", "MYR", "MXN", "TWD", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD");
    private static final Set<String> WHOLE_AMOUNTS_ONLY = Set.of("HUF", "JPY", "TWD");

    private PayPalCurrencies() {
    }

    static boolean supports(Currency currency) {
        return SUPPORTED.contains(currency.getCurrencyCode());
    }

    /** PayPal's decimal string: "100.00" for USD, "1500" for JPY. Refuses what PayPal would refuse. */
    static String value(BigDecimal amount, Currency currency) {
        if (!supports(currency)) {
            throw new IllegalArgumentException("PayPal does not take " + currency.getCurrencyCode());
        }
        int decimals = WHOLE_AMOUNTS_ONLY.contains(currency.getCurrencyCode()) ? 0
                : currency.getDefaultFractionDigits();
        try {
            return amount.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "PayPal takes whole %s amounts only".formatted(currency.getCurrencyCode()), e);
        }
    }
}
