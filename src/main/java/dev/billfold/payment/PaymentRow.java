package dev.billfold.payment;

import dev.billfold.base.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the payment history grid.
 *
 * @param statusNote what the status alone does not say: "Refunded $30.00 of $100.00", "Disputed: needs response"
 *                   (DD-070); null when there is nothing to add
 */
public record PaymentRow(PaymentId id, Instant createdAt, String payerName, Money amount, PaymentStatus status,
                         String methodLabel, @Nullable String statusNote) {

    /** A line without a note. */
    public PaymentRow(PaymentId id, Instant createdAt, String payerName, Money amount, PaymentStatus status,
                      String methodLabel) {
        this(id, createdAt, payerName, amount, status, methodLabel, null);
    }
}
