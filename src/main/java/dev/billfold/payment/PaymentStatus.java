package dev.billfold.payment;

import java.util.EnumSet;
import java.util.Set;

/** The customer-facing statuses as hosting providers publish them, with the only moves allowed between them. */
public enum PaymentStatus {
    WAITING_FOR_PAYMENT("Waiting for payment", "Created; nothing has been received yet."),
    CREDITED("Credited", "The money was received and added to your balance."),
    CONDITIONALLY_CREDITED("Conditionally credited",
            "Added to your balance and usable, but the provider has not settled it yet."),
    WAITING_FOR_CLARIFICATION("Waiting for clarification",
            "The money was received but not credited; support or you need to clarify it."),
    REJECTED("Rejected", "The provider declined the payment, or it was cancelled. Nothing was charged."),
    REFUNDED("Refunded", "Returned to the payer; the balance was debited."),
    DELETED("Deleted", "Never paid, and removed after the payment period ran out.");

    private final String label;
    private final String meaning;

    PaymentStatus(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    public boolean canMoveTo(PaymentStatus next) {
        return allowedNext().contains(next);
    }

    public boolean isCredited() {
        return this == CREDITED || this == CONDITIONALLY_CREDITED;
    }

    /** Money was received and credited for it, so it has a receipt; a refunded one's receipt shows the refund. */
    public boolean hasReceipt() {
        return isCredited() || this == REFUNDED;
    }

    /** Counts towards daily limits: a payment that is, or may still become, money on the balance. */
    public boolean countsTowardsLimits() {
        return this != REJECTED && this != DELETED;
    }

    public Set<PaymentStatus> allowedNext() {
        return switch (this) {
            case WAITING_FOR_PAYMENT ->
                    EnumSet.of(CREDITED, CONDITIONALLY_CREDITED, WAITING_FOR_CLARIFICATION, REJECTED, DELETED);
            // DELETED: a conditional credit whose money never arrived, reversed by Finance (DD-065).
            case CONDITIONALLY_CREDITED -> EnumSet.of(CREDITED, REFUNDED, DELETED);
            // REJECTED: a charge held while its outcome was unknown, which the provider then reported declined
            // (DD-035). DELETED: a checkout held because its provider could not be asked at its expiry, which the
            // provider, asked at last, reports unpaid (DD-055).
            case WAITING_FOR_CLARIFICATION -> EnumSet.of(CREDITED, REFUNDED, REJECTED, DELETED);
            case CREDITED -> EnumSet.of(REFUNDED);
            case REJECTED, REFUNDED, DELETED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }
}
