package dev.billfold.base;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in one currency, held at exactly the currency's minor units. Construction never rounds: an amount with
 * more decimals than the currency has is rejected, because silently rounding money hides bugs.
 */
public record Money(BigDecimal value, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
        int minorDigits = minorDigits(currency);
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > minorDigits) {
            throw new IllegalArgumentException(
                    "%s has at most %d decimal places, got %s".formatted(currency.getCurrencyCode(), minorDigits,
                            value.toPlainString()));
        }
        value = stripped.setScale(minorDigits, RoundingMode.UNNECESSARY);
    }

    public static Money of(String value, String currencyCode) {
        return new Money(new BigDecimal(value), Currency.getInstance(currencyCode));
    }

    public static Money of(BigDecimal value, Currency currency) {
        return new Money(value, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static int minorDigits(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(value.add(other.value), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(value.subtract(other.value), currency);
    }

    public Money negate() {
        return new Money(value.negate(), currency);
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return value.compareTo(other.value);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** Human formatting, e.g. "$1,250.00" or "UZS 10,000.00". For display only, never parsed back. */
    public String format() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(minorDigits(currency));
        format.setMaximumFractionDigits(minorDigits(currency));
        String formatted = format.format(value);
        // Locale.US only has a symbol for USD; show the ISO code with a space for the others.
        return formatted.startsWith(currency.getCurrencyCode())
                ? currency.getCurrencyCode() + " " + formatted.substring(currency.getCurrencyCode().length())
                : formatted;
    }

    /**
     * Formatting by the reader's locale, with CLDR's grouping, decimal sign and currency sign and position: "1 250,00
     * ₽" in Russian (the group separator a non-breaking space). English is {@link #format()}, the form the API and
     * the English pages have always shown ("KZT 1,250.00").
     */
    public String format(Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            return format();
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(minorDigits(currency));
        format.setMaximumFractionDigits(minorDigits(currency));
        return format.format(value);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Currency mismatch: %s vs %s".formatted(currency, other.currency));
        }
    }
}
