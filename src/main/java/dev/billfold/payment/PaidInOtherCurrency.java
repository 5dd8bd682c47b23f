package dev.billfold.payment;

import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * What a top-up paid in another currency than the account's was charged, and the quote's locked rate (DD-096).
 *
 * @param rate one unit of {@code paid}'s currency in the account currency, spread included
 */
public record PaidInOtherCurrency(Money paid, Money credited, BigDecimal rate, BigDecimal spreadPercent,
                                  String rateSource, LocalDate rateDate) {

    /** Six significant digits: enough to check the sum by hand, without the twelve decimals the rate is kept at. */
    private static final MathContext SHOWN = new MathContext(6, RoundingMode.HALF_EVEN);

    /** "275,345.75 UZS at 1 UZS = 0.0363180 KZT (fixed rate of 2026-12-03, 1.5 % spread included)". */
    public String describe() {
        return "%s at 1 %s = %s %s (%s rate of %s, %s %% spread included)".formatted(paid.format(),
                paid.currencyCode(), rate.round(SHOWN).toPlainString(), credited.currencyCode(), rateSource,
                rateDate, spreadPercent.stripTrailingZeros().toPlainString());
    }
}
