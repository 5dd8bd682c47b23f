package dev.billfold.payment;

import dev.billfold.base.Money;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * A top-up in the account currency and what its provider charged for it: the quote's pay amount when it was paid in
 * another currency (DD-096), else the top-up itself. Money going back to the payer is converted at this price, never
 * at today's rate.
 */
public record LockedPrice(Money topUp, @Nullable Money charged) {

    public LockedPrice {
        if (charged != null && charged.currency().equals(topUp.currency())) {
            throw new IllegalArgumentException("A locked price converts between two currencies");
        }
    }

    /**
     * What goes back to the payer's card for {@code part} of the top-up: the whole charge for the whole top-up, else
     * in proportion, rounded down, so that a payer never gets back more than was paid for it.
     */
    public Money chargedShareOf(Money part) {
        return charged == null ? part : share(part, topUp, charged);
    }

    /**
     * The part of the top-up that {@code charge} (a provider's refund or dispute, in the pay currency) stands for;
     * rounded down, so the account is never debited more than the payer got back.
     */
    public Money topUpShareOf(Money charge) {
        return charged == null || charge.currency().equals(topUp.currency()) ? charge
                : share(charge, charged, topUp);
    }

    private static Money share(Money part, Money whole, Money other) {
        if (!part.currency().equals(whole.currency())) {
            throw new IllegalArgumentException(part + " is not in " + whole.currencyCode());
        }
        if (part.equals(whole)) {
            return other;
        }
        return Money.of(other.value().multiply(part.value())
                        .divide(whole.value(), Money.minorDigits(other.currency()), RoundingMode.DOWN),
                other.currency());
    }
}
