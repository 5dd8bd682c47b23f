package dev.billfold.refund;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one part's money stands. Reserved from the balance in every status but the two that gave it back
 * ({@link #FAILED}, {@link #CANCELLED}); gone from the account in {@link #SUCCEEDED} and {@link #PAID_OUT}.
 */
public enum RefundPartStatus {
    /** Reserved, waiting for Finance's approval. */
    RESERVED,
    /** Approved; the provider is being asked (or its answer was lost and it is asked again with the same key). */
    SENDING,
    /** The provider accepted it and has not finished. */
    PENDING,
    SUCCEEDED,
    /** The provider refused or failed it; the reservation went back to the balance. */
    FAILED,
    /** The request was rejected; the reservation went back to the balance. */
    CANCELLED,
    /** A bank-transfer part waiting for Finance to pay it out. */
    PAYOUT_DUE,
    /** Paid out by bank transfer; Finance recorded the transfer's reference. */
    PAID_OUT;

    public boolean returned() {
        return this == FAILED || this == CANCELLED;
    }

    public boolean done() {
        return this == SUCCEEDED || this == PAID_OUT;
    }

    public boolean canMoveTo(RefundPartStatus next) {
        return allowedNext().contains(next);
    }

    Set<RefundPartStatus> allowedNext() {
        return switch (this) {
            case RESERVED -> EnumSet.of(SENDING, PAYOUT_DUE, CANCELLED);
            case SENDING -> EnumSet.of(PENDING, SUCCEEDED, FAILED);
            case PENDING -> EnumSet.of(SUCCEEDED, FAILED);
            // Stripe can fail a refund after it reported it succeeded (the card could not take it back).
            case SUCCEEDED -> EnumSet.of(FAILED);
            case PAYOUT_DUE -> EnumSet.of(PAID_OUT);
            case FAILED, CANCELLED, PAID_OUT -> EnumSet.noneOf(RefundPartStatus.class);
        };
    }

    /** What the customer reads. */
    public String label() {
        return switch (this) {
            case RESERVED -> "Awaiting approval";
            case SENDING, PENDING -> "In progress";
            case SUCCEEDED -> "Refunded";
            case FAILED -> "Failed: returned to your balance";
            case CANCELLED -> "Rejected: returned to your balance";
            case PAYOUT_DUE -> "Bank payout due";
            case PAID_OUT -> "Paid out";
        };
    }
}
