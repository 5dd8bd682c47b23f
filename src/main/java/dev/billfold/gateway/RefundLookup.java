package dev.billfold.gateway;

import java.util.List;
import java.util.Optional;

/**
 * A provider that can be asked which refunds and disputes a payment has, for the poller's reconciliation: news that a
 * webhook never brought (or has not brought yet) is learnt this way, through the same idempotent path.
 */
public interface RefundLookup extends PaymentGateway {

    /**
     * The refunds and disputes of the payment the provider knows by {@code paymentReference} (the checkout, charge or
     * order reference we stored), each naming that reference; empty when the provider could not be asked now.
     */
    Optional<Reversals> reversalsOf(String paymentReference);

    /** Everything that took money back from one payment, as the provider sees it now. */
    record Reversals(List<ProviderRefund> refunds, List<ProviderDispute> disputes) {

        public Reversals {
            refunds = List.copyOf(refunds);
            disputes = List.copyOf(disputes);
        }

        public static Reversals none() {
            return new Reversals(List.of(), List.of());
        }
    }
}
