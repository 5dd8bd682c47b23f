package dev.billfold.fxrate;

import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * How much one unit of the pay currency credits in the account currency: {@code rate} is the {@code midRate} with the
 * spread taken off (1 account unit costs {@code spreadPercent} more). Amounts round against nobody's surprise: the
 * credit rounds DOWN to the account currency's minor unit, the price UP to the pay currency's (DD-093).
 *
 * @param source    the source, or sources joined by {@code +} for a cross ("ECB+csv")
 * @param rateDate  the day the rate is valid for (the older leg's, for a cross)
 * @param fetchedAt when it was fetched (the older leg's, for a cross)
 */
public record Conversion(CurrencyPair pair, BigDecimal midRate, BigDecimal rate, BigDecimal spreadPercent,
                         String source, LocalDate rateDate, Instant fetchedAt) {

    public Currency pay() {
        return pair.base();
    }

    public Currency account() {
        return pair.quote();
    }

    /** What paying {@code paid} credits, rounded down to the account currency's minor unit. */
    public Money creditFor(Money paid) {
        requireCurrency(paid, pay());
        return new Money(paid.value().multiply(rate).setScale(Money.minorDigits(account()), RoundingMode.DOWN),
                account());
    }

    /** What crediting {@code credited} costs, rounded up to the pay currency's minor unit. */
    public Money priceOf(Money credited) {
        requireCurrency(credited, account());
        return new Money(credited.value().divide(rate, Money.minorDigits(pay()), RoundingMode.UP), pay());
    }

    private static void requireCurrency(Money amount, Currency expected) {
        if (!amount.currency().equals(expected)) {
            throw new IllegalArgumentException("Expected an amount in " + expected + ", got " + amount);
        }
    }
}
