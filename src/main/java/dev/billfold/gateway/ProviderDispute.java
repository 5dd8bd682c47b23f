package dev.billfold.gateway;

import dev.billfold.base.Money;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a provider says about a dispute (chargeback, PayPal reversal) of a payment. The disputed amount is debited as
 * soon as it is known; a dispute won credits it back once, one lost stays debited.
 *
 * @param paymentKey       our payment's idempotency key, when the provider echoes it
 * @param paymentReference the provider's id of the checkout, charge, PaymentIntent or order we stored, when known
 * @param disputeId        the provider's id of the dispute: the cause of its ledger entries
 * @param amount           the disputed amount, in the payment's currency
 * @param state            OPEN, WON or LOST
 * @param providerStatus   the provider's own status text ("needs_response", "UNDER_REVIEW"), shown to the customer
 * @param reason           the dispute's reason as the provider gives it ("fraudulent"), if any
 */
public record ProviderDispute(
        @Nullable String paymentKey,
        @Nullable String paymentReference,
        String disputeId,
        Money amount,
        State state,
        String providerStatus,
        @Nullable String reason) {

    public ProviderDispute {
        Objects.requireNonNull(state);
        if (disputeId.isBlank()) {
            throw new IllegalArgumentException("A dispute needs the provider's id");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A disputed amount must be positive");
        }
        if (paymentKey == null && paymentReference == null) {
            throw new IllegalArgumentException("A dispute must name its payment");
        }
    }

    public enum State {
        /** Open at the provider: the money is held from us, so it is debited. */
        OPEN,
        /** Decided for us: the money comes back, credited once. */
        WON,
        /** Decided for the payer: it stays debited. */
        LOST;

        public boolean isFinal() {
            return this != OPEN;
        }
    }
}
