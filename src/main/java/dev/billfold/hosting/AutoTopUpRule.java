package dev.billfold.hosting;

import dev.billfold.account.PayerId;
import dev.billfold.base.Money;
import dev.billfold.paymentmethod.PaymentMethodId;
import org.jspecify.annotations.Nullable;

/**
 * When and how the balance is topped up by itself (DD-105): a due auto-renewal that finds the balance short always
 * fires it; a balance below {@code belowBalance} or a runway below {@code belowRunwayDays} days fires it too. It tops
 * up the shortfall, a fixed {@code amount} or up to the target {@code amount}, from {@code methodId} or the payer's
 * default saved method, and never more in a calendar month than {@code monthlyCap}. Amounts in the account's currency.
 */
public record AutoTopUpRule(boolean enabled, @Nullable PayerId payerId, @Nullable PaymentMethodId methodId,
                            @Nullable Money belowBalance, @Nullable Integer belowRunwayDays, AmountMode amountMode,
                            @Nullable Money amount, @Nullable Money monthlyCap) {

    public enum AmountMode {
        /** What a due renewal lacks: the renewal job's switch before DD-105. Only a renewal's shortfall fires it. */
        SHORTFALL,
        /** The same amount each time (at least what a due renewal lacks). */
        FIXED,
        /** Enough to bring the balance up to the amount (at least what a due renewal lacks). */
        UP_TO
    }

    public static AutoTopUpRule off() {
        return new AutoTopUpRule(false, null, null, null, null, AmountMode.SHORTFALL, null, null);
    }

    /** A threshold of its own, beyond a renewal's shortfall. */
    public boolean hasThreshold() {
        return belowBalance != null || belowRunwayDays != null;
    }
}
