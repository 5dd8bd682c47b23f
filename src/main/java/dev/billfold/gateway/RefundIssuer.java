package dev.billfold.gateway;

/**
 * A provider that can send money of a payment it took back to the payer's own method (Stripe: a Refund on the
 * PaymentIntent; PayPal: a refund of the capture; demo: its own refund), fully or in part. Billfold's refunds of unused
 * balance go through here (DD-071); refunds made at the provider itself arrive as its news instead.
 */
public interface RefundIssuer extends PaymentGateway {

    /**
     * Asks the provider to refund {@code order.amount()} of the payment it knows as {@code order.paymentReference()}.
     * Carries {@code order.idempotencyKey()} (Stripe's Idempotency-Key, PayPal's PayPal-Request-Id), so a retry after
     * a lost answer is the same refund, never a second one. Never throws for provider outcomes: a refusal is FAILED
     * with a reason, no answer is UNKNOWN (the money may have moved; ask again with the same key).
     */
    RefundAnswer refund(RefundOrder order);

    /**
     * What became of a refund the provider accepted but had not finished (PENDING), by its refund id and the payment it
     * belongs to. Moves no money.
     */
    RefundAnswer refundResult(String paymentReference, String refundReference);
}
