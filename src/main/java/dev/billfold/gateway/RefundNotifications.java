package dev.billfold.gateway;

/**
 * What a provider tells us about money going back: refunds and disputes, from a verified webhook or the poller's
 * reconciliation. Implemented by the payment feature, so adapters never reach into payments or the ledger. Every call
 * is idempotent by the provider's refund or dispute id: duplicated, reordered or raced news changes the balance once.
 */
public interface RefundNotifications {

    /** News about one refund of one of this provider's payments. */
    Outcome refund(String gatewayId, ProviderRefund refund);

    /** News about one dispute of one of this provider's payments. */
    Outcome dispute(String gatewayId, ProviderDispute dispute);

    enum Outcome {
        /** The balance or the refund's or dispute's state moved. */
        APPLIED,
        /** Recorded before the payment was credited; applied when it credits (DD-070). */
        DEFERRED,
        /** Known already in this state, or older news than what we know; nothing changed. */
        UNCHANGED,
        /** No payment of this provider matches; nothing changed. */
        UNKNOWN_PAYMENT
    }
}
