package dev.billfold.payment;

import org.jspecify.annotations.Nullable;

/** What happens after a top-up was accepted. */
public sealed interface TopUpOutcome {

    PaymentId paymentId();

    /** Send the customer to the provider's hosted page. */
    record RedirectToProvider(PaymentId paymentId, String url) implements TopUpOutcome {
    }

    /**
     * The customer's phone was asked to approve the payment: the page waits for the outcome.
     *
     * @param simulatorPath the demo provider's simulated phone, when the payment is the demo's; null for a real phone
     */
    record WaitingForPhone(PaymentId paymentId, String message, @Nullable String simulatorPath)
            implements TopUpOutcome {
    }

    /** Done without leaving Billfold: a saved-method charge or an invoice. */
    record Completed(PaymentId paymentId, PaymentStatus status, String message) implements TopUpOutcome {
    }
}
