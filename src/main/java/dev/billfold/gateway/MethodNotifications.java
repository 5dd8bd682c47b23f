package dev.billfold.gateway;

/**
 * What a provider tells us about a method being saved without a payment (a verified webhook). Implemented by the
 * payment-method feature, so provider adapters never reach into it themselves. A second delivery of the same news
 * changes nothing.
 */
public interface MethodNotifications {

    /**
     * News about the setup we started with {@code setupKey} (the idempotency key of the {@link SetupRequest}):
     * SUCCEEDED with the saved method confirms it; DECLINED or CANCELLED fails it with the reason; PENDING and
     * UNKNOWN leave it pending.
     */
    Outcome setupResult(String gatewayId, String setupKey, GatewayResult result);

    enum Outcome {
        /** The method moved (confirmed or failed). */
        APPLIED,
        /** The method had already left PENDING, or the news does not decide anything; nothing changed. */
        UNCHANGED,
        /** No method of this provider matches; nothing changed. */
        UNKNOWN_METHOD
    }
}
