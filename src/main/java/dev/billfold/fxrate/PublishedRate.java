package dev.billfold.fxrate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One rate as a source published it: 1 {@code pair.base()} = {@code rate} {@code pair.quote()}, for {@code date}
 * (the day the source says it is valid for, not the day we fetched it). Held at {@link #SCALE} decimals.
 */
public record PublishedRate(String source, CurrencyPair pair, BigDecimal rate, LocalDate date) {

    /** Decimals of every stored or derived rate: enough for 1 UZS in EUR (about 0.00007) to keep 8 digits. */
    public static final int SCALE = 12;

    public PublishedRate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(date, "date");
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("The rate of " + pair + " must be positive, got " + rate);
        }
        if (rate.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("The rate of " + pair + " has more than " + SCALE + " decimals");
        }
        rate = rate.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
