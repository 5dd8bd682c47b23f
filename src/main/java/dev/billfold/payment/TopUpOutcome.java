package dev.billfold.payment;

/** What happens after a top-up was accepted. */
public sealed interface TopUpOutcome {

    PaymentId paymentId();

    /** Send the customer to the provider's hosted page. */
    record RedirectToProvider(PaymentId paymentId, String url) implements TopUpOutcome {
    }

    /** Done without leaving Billfold: a saved-method charge or an invoice. */
    record Completed(PaymentId paymentId, PaymentStatus status, String message) implements TopUpOutcome {
    }
}
