package dev.billfold.refund;

import dev.billfold.base.Money;
import dev.billfold.payment.PaymentId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One credited top-up as a refund sees it.
 *
 * @param credited        what it put on the balance
 * @param remaining       what of it is not refunded yet (nor reserved for a refund under way)
 * @param refundableUntil the end of its provider's refund window; null when it has none (bank payouts)
 * @param notRefundable   why it cannot be refunded now, or null when it can
 */
public record RefundableTopUp(PaymentId paymentId, RefundRoute route, @Nullable String provider, String destination,
                              Money credited, Money remaining, Instant creditedAt, @Nullable Instant refundableUntil,
                              @Nullable String notRefundable) {

    public boolean eligible() {
        return notRefundable == null && remaining.isPositive();
    }
}
