package dev.billfold.gateway.stripe;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Amounts in the integer units Stripe's API expects. Taken from Stripe's currency table (docs.stripe.com/currencies),
 * not from {@link Currency#getDefaultFractionDigits()}: the two disagree (ISK has no minor unit in ISO 4217 but is
 * sent in hundredths; MGA has two in ISO 4217 but is zero-decimal at Stripe). Everything not listed is two-decimal
 * at Stripe, which includes UZS and KZT. Amounts that Stripe cannot take exactly are refused, never rounded.
 */
final class StripeAmounts {

    /** "Zero-decimal currencies": the amount is whole units. */
    static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG",
            "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");

    /** "Three-decimal currencies": thousandths, but the last digit must be 0. */
    static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    /**
     * "Special cases" that are sent in hundredths but can only be charged in whole units: ISK (card networks allow
     * whole krónur only; the API wants a multiple of 100).
     */
    static final Set<String> HUNDREDTHS_OF_WHOLE_UNITS = Set.of("ISK");

    private StripeAmounts() {
    }

    /** The amount for Stripe's {@code amount}/{@code unit_amount} fields. */
    static long toMinor(Money money) {
        String code = money.currencyCode();
        BigDecimal value = money.value();
        if (ZERO_DECIMAL.contains(code) || HUNDREDTHS_OF_WHOLE_UNITS.contains(code)) {
            requireWhole(money, value.stripTrailingZeros().scale() <= 0, "whole %s".formatted(code));
        }
        if (THREE_DECIMAL.contains(code)) {
            requireWhole(money, value.stripTrailingZeros().scale() <= 2,
                    "%s amounts with at most 2 decimal places".formatted(code));
        }
        return value.movePointRight(exponent(code)).longValueExact();
    }

    /** The money a Stripe amount stands for. */
    static Money fromMinor(long amount, String stripeCurrency) {
        Currency currency = Currency.getInstance(stripeCurrency.toUpperCase(Locale.ROOT));
        BigDecimal value = BigDecimal.valueOf(amount).movePointLeft(exponent(currency.getCurrencyCode()));
        // Money refuses digits its currency does not have, so a nonsensical amount fails loudly instead of rounding.
        return Money.of(value, currency);
    }

    static String currency(Money money) {
        return money.currencyCode().toLowerCase(Locale.ROOT);
    }

    private static int exponent(String code) {
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        if (THREE_DECIMAL.contains(code)) {
            return 3;
        }
        return 2;
    }

    private static void requireWhole(Money money, boolean ok, String what) {
        if (!ok) {
            throw new InvalidRequestException("amount", "Card payments can only take %s; %s cannot be charged by card."
                    .formatted(what, money.format()));
        }
    }
}
