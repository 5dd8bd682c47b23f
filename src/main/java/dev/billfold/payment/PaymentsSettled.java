package dev.billfold.payment;

import java.util.List;

/**
 * Payments that settled together, in one transaction: a bank statement's batch of receipts. Published instead of a
 * {@link PaymentSettled} for each, with the same meaning for every one of them, so that a listener does its work once
 * per batch (one mail-log insert, one read of the renewal orders) rather than once per payment: per payment, that work
 * was most of a statement import's time (docs/performance.md). A listener of {@link PaymentSettled} that must see
 * every settlement listens to this event too.
 */
public record PaymentsSettled(List<PaymentSettled> payments) {

    public PaymentsSettled {
        payments = List.copyOf(payments);
    }
}
