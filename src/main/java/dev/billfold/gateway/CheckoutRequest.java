package dev.billfold.gateway;

import dev.billfold.base.Money;
import java.util.Objects;

/**
 * A hosted checkout to open. The return and cancel targets are paths inside Billfold; an adapter that needs absolute
 * URLs prefixes the configured public URL, so the customer can never be sent off-site.
 *
 * @param payerId our payer's id, for providers that keep a customer record per payer (Stripe)
 */
public record CheckoutRequest(
        String idempotencyKey,
        Money amount,
        String payerId,
        String payerName,
        String description,
        String returnPath,
        String cancelPath,
        boolean saveMethod) {

    public CheckoutRequest {
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(payerId);
        requireOwnPath(returnPath);
        requireOwnPath(cancelPath);
    }

    static void requireOwnPath(String path) {
        if (!LocalPaths.isOwnPath(path)) {
            throw new IllegalArgumentException("Not a path inside Billfold: " + path);
        }
    }
}
