package dev.billfold.gateway;

import java.util.Objects;

/**
 * Bringing the customer on-session for a saved-method charge that waits for them. The return target is our own path.
 *
 * @param idempotencyKey  our key for this attempt; each attempt of one payment gets its own, derived from the payment's
 * @param chargeReference the provider's id of the charge that waits (a PaymentIntent, a demo charge)
 * @param methodToken     the saved method the charge uses
 */
public record CustomerActionRequest(String idempotencyKey, String chargeReference, String methodToken,
                                    String returnPath) {

    public CustomerActionRequest {
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(chargeReference);
        Objects.requireNonNull(methodToken);
        CheckoutRequest.requireOwnPath(returnPath);
    }
}
