package dev.billfold.payment;

/** What happens when the customer chooses to confirm a waiting payment with their bank. */
public sealed interface BankConfirmation {

    /** Send the customer to their bank's (the provider's) authentication page; they come back to the return route. */
    record GoToBank(PaymentId paymentId, String url) implements BankConfirmation {
    }

    /** Nothing was left to confirm: the provider's answer was applied; this is the payment now. */
    record Settled(PaymentDetails payment) implements BankConfirmation {
    }
}
