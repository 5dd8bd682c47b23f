package dev.billfold.payment;

/** How Finance resolves a payment held for clarification (DD-065). */
public sealed interface Resolution {

    /** Credit the amount received to the account the payment belongs to (the invoice's account). */
    record CreditReceived() implements Resolution {
    }

    /**
     * Credit the amount received to another account, by its account number: the held payment is REJECTED and a new
     * CREDITED payment is made there for the account's default payer.
     */
    record CreditOtherAccount(String accountNumber) implements Resolution {
    }

    /** The bank returned the money to the sender, under {@code bankReference}: REFUNDED, no ledger entry. */
    record ReturnedToSender(String bankReference) implements Resolution {
    }

    /** Rejected: nothing is credited. */
    record Reject() implements Resolution {
    }
}
