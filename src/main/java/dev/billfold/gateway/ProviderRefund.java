package dev.billfold.gateway;

import dev.billfold.base.Money;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a provider says about one refund of a payment, from a verified webhook or when asked ({@link RefundLookup}).
 * The payment is named by whatever the provider carries: our payment key (Stripe metadata, PayPal's custom id) and/or
 * the provider's reference for the checkout or charge. A refund Billfold itself started also carries the key it was
 * started with ({@link #INITIATED_KEY} in Stripe's metadata, PayPal's refund custom id, the demo's field).
 *
 * @param paymentKey       our payment's idempotency key, when the provider echoes it
 * @param paymentReference the provider's id of the checkout, charge, PaymentIntent or order we stored, when known
 * @param refundId         the provider's own id of the refund: the cause of its ledger entry
 * @param amount           the refunded amount, in the payment's currency
 * @param state            where the refund stands at the provider
 * @param reason           a short, customer-safe reason (the provider's failure reason, the refund's reason)
 * @param initiatedKey     the key of a refund Billfold started, if this is one
 */
public record ProviderRefund(
        @Nullable String paymentKey,
        @Nullable String paymentReference,
        String refundId,
        Money amount,
        State state,
        @Nullable String reason,
        @Nullable String initiatedKey) {

    /** Where a refund started by Billfold keeps its key at the provider (Stripe refund metadata). */
    public static final String INITIATED_KEY = "billfold_refund";

    public ProviderRefund {
        Objects.requireNonNull(state);
        if (refundId.isBlank()) {
            throw new IllegalArgumentException("A refund needs the provider's id");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A refund amount must be positive");
        }
        if (paymentKey == null && paymentReference == null) {
            throw new IllegalArgumentException("A refund must name its payment");
        }
    }

    public enum State {
        /** Accepted by the provider, the money not yet back with the payer. The balance is debited already. */
        PENDING,
        /** The money went back to the payer. */
        SUCCEEDED,
        /** The provider could not return the money; it stays ours, so a debit is returned to the balance once. */
        FAILED,
        /** Cancelled before it went through; as FAILED. */
        CANCELLED;

        /** No later news moves a refund out of FAILED or CANCELLED. */
        public boolean isFinal() {
            return this == FAILED || this == CANCELLED;
        }

        /**
         * Whether news in {@code next} is newer than this: pending, then succeeded, then failed or cancelled (Stripe
         * reports a refund failed after it succeeded when the card cannot take it back). Older news changes nothing.
         */
        public boolean canMoveTo(State next) {
            return rank(next) > rank(this);
        }

        private static int rank(State state) {
            return switch (state) {
                case PENDING -> 0;
                case SUCCEEDED -> 1;
                case FAILED, CANCELLED -> 2;
            };
        }

        /** Money left (or is leaving) the balance for it. */
        public boolean takesMoney() {
            return this == PENDING || this == SUCCEEDED;
        }
    }
}
