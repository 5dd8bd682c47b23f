package dev.billfold.gateway;

import org.jspecify.annotations.Nullable;

/**
 * What a provider says about a refund we asked for.
 *
 * @param refundReference the provider's id of the refund, once it has one
 * @param reason          a short, customer-safe reason for a failure or a pending state
 */
public record RefundAnswer(Status status, @Nullable String refundReference, @Nullable String reason) {

    public enum Status {
        /** The money is on its way back to the payer's method. */
        SUCCEEDED,
        /** Accepted, not finished yet (Stripe {@code pending}, PayPal {@code PENDING}). */
        PENDING,
        /** Refused or failed at the provider: no money went back. */
        FAILED,
        /** No answer (timeout, 5xx): the refund may or may not exist; ask again with the same key. */
        UNKNOWN
    }

    public static RefundAnswer succeeded(String reference) {
        return new RefundAnswer(Status.SUCCEEDED, reference, null);
    }

    public static RefundAnswer pending(String reference, String reason) {
        return new RefundAnswer(Status.PENDING, reference, reason);
    }

    public static RefundAnswer failed(@Nullable String reference, String reason) {
        return new RefundAnswer(Status.FAILED, reference, reason);
    }

    public static RefundAnswer unknown(@Nullable String reference, String reason) {
        return new RefundAnswer(Status.UNKNOWN, reference, reason);
    }
}
