package dev.billfold.gateway;

import dev.billfold.base.Money;
import java.util.Objects;

/**
 * One refund to send to a provider.
 *
 * @param idempotencyKey     ours, one per refund part: a repeated order with it is the same refund at the provider
 * @param paymentReference   the provider's id of the payment (checkout or charge) the money came in with
 * @param amount             how much of it goes back; at most what the payment credited and is not refunded yet
 * @param reason             a short text for the provider's records (no personal data)
 */
public record RefundOrder(String idempotencyKey, String paymentReference, Money amount, String reason) {

    public RefundOrder {
        Objects.requireNonNull(amount);
        if (idempotencyKey.isBlank() || paymentReference.isBlank()) {
            throw new IllegalArgumentException("A refund needs our key and the provider's payment reference");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A refund returns a positive amount");
        }
    }
}
