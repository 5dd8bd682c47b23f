package dev.billfold.hosting;

/** What happened after the customer chose to top up the shortfall and renew. */
public sealed interface ShortfallOutcome {

    /** Send the customer to the provider's page; the renewal completes when the payment is credited. */
    record RedirectToProvider(String url) implements ShortfallOutcome {
    }

    /** Settled without leaving Billfold (or waiting, e.g. for a bank transfer): {@code message} says which. */
    record Finished(OrderStatus status, String message) implements ShortfallOutcome {
    }

    enum OrderStatus { AWAITING_PAYMENT, COMPLETED, FAILED }
}
