package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.fxrate.PublishedRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A locked price for a top-up in another currency (DD-093): paying {@code pay} credits {@code credited}, at
 * {@code rate} (1 pay unit = rate account units, spread included), until {@code expiresAt}. Never re-priced: once
 * expired, a new quote is made and confirmed.
 */
public record Quote(QuoteId id, AccountId accountId, Money pay, Money credited, BigDecimal rate, BigDecimal midRate,
                    BigDecimal spreadPercent, String rateSource, LocalDate rateDate, Instant rateFetchedAt,
                    Instant createdAt, Instant expiresAt) {

    public Quote {
        Objects.requireNonNull(id);
        Objects.requireNonNull(accountId);
        if (!pay.isPositive() || !credited.isPositive()) {
            throw new IllegalArgumentException("A quote's amounts must be positive");
        }
        if (pay.currency().equals(credited.currency())) {
            throw new IllegalArgumentException("A quote converts between two currencies");
        }
        // The scales of the columns, so a quote read back equals the one stored.
        rate = rate.setScale(PublishedRate.SCALE, RoundingMode.UNNECESSARY);
        midRate = midRate.setScale(PublishedRate.SCALE, RoundingMode.UNNECESSARY);
        spreadPercent = spreadPercent.setScale(3, RoundingMode.UNNECESSARY);
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A quote must expire after it is made");
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
