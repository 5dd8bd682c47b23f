package dev.billfold.gateway;

import java.util.Objects;

/**
 * Saving a method without a payment: the provider's hosted page collects it and redirects back. As with checkouts,
 * the return and cancel targets are our own paths.
 *
 * @param idempotencyKey our key for this setup; providers echo it back in their notifications
 * @param payerId        our payer's id, for providers that keep a customer record per payer
 */
public record SetupRequest(String idempotencyKey, String payerId, String payerName, String returnPath,
                           String cancelPath) {

    public SetupRequest {
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(payerId);
        CheckoutRequest.requireOwnPath(returnPath);
        CheckoutRequest.requireOwnPath(cancelPath);
    }
}
