package dev.billfold.gateway;

import dev.billfold.base.Money;

/**
 * An off-session charge of a saved method.
 *
 * @param payerId the payer the method belongs to, for providers that charge a method through its customer (Stripe)
 */
public record ChargeRequest(String idempotencyKey, String payerId, String methodToken, Money amount,
                            String description) {
}
