package dev.billfold.fxrate;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** A direction of conversion: one unit of {@code base} is worth a rate's number of {@code quote}. */
public record CurrencyPair(Currency base, Currency quote) {

    public CurrencyPair {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (base.equals(quote)) {
            throw new IllegalArgumentException("A pair needs two currencies, got " + base + " twice");
        }
    }

    /** "USD/KZT", "USD-KZT" or "USDKZT". */
    public static CurrencyPair parse(String text) {
        String letters = text.strip().toUpperCase(Locale.ROOT).replaceAll("[/\\- ]", "");
        if (!letters.matches("[A-Z]{6}")) {
            throw new IllegalArgumentException("'" + text + "' is not a currency pair such as USD/KZT");
        }
        return new CurrencyPair(Currency.getInstance(letters.substring(0, 3)),
                Currency.getInstance(letters.substring(3)));
    }

    public CurrencyPair inverse() {
        return new CurrencyPair(quote, base);
    }

    @Override
    public String toString() {
        return base.getCurrencyCode() + "/" + quote.getCurrencyCode();
    }
}
