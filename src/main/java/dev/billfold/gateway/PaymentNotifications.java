package dev.billfold.gateway;

/**
 * What a provider tells us without being asked: a verified webhook. Implemented by the payment feature, so provider
 * adapters never reach into payments themselves. Every call ends in the same idempotent state change as the return
 * redirect and the poller; a second delivery of the same news changes nothing.
 */
public interface PaymentNotifications {

    /**
     * News about the payment this provider knows by {@code providerReference} (the checkout or charge id it returned
     * to us). Unknown references are logged and ignored: the provider may know payments that are not ours.
     */
    Outcome byProviderReference(String gatewayId, String providerReference, GatewayResult result);

    /**
     * News about the payment we opened with {@code idempotencyKey}, for providers that echo our key back (metadata,
     * custom id) rather than the reference we stored.
     */
    Outcome byIdempotencyKey(String gatewayId, String idempotencyKey, GatewayResult result);

    enum Outcome {
        /** The payment moved (credited, rejected, held), or the news was recorded. */
        APPLIED,
        /** The payment had already left WAITING_FOR_PAYMENT and is not held for this news; nothing changed. */
        ALREADY_SETTLED,
        /** No payment of this provider matches; nothing changed. */
        UNKNOWN_PAYMENT,
        /** The provider's order carries another payment's key than the payment it names; nothing changed. */
        KEY_MISMATCH
    }
}
