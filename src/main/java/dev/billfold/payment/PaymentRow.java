package dev.billfold.payment;

import dev.billfold.base.Money;
import java.time.Instant;

/** One line of the payment history grid. */
public record PaymentRow(PaymentId id, Instant createdAt, String payerName, Money amount, PaymentStatus status,
                         String methodLabel) {
}
