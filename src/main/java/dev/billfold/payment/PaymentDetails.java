package dev.billfold.payment;

import dev.billfold.base.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One payment as the history detail shows it.
 *
 * @param canConfirmWithBank the payment waits for its customer to confirm it with their bank, and the current user may
 *                           do that ({@link PaymentService#confirmWithBank})
 */
public record PaymentDetails(
        PaymentId id,
        String payerName,
        Money amount,
        PaymentStatus status,
        @Nullable String statusReason,
        MethodKind methodKind,
        String methodLabel,
        @Nullable String provider,
        @Nullable String providerReference,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Invoice invoice,
        boolean canConfirmWithBank) {

    PaymentDetails withConfirmWithBank() {
        return new PaymentDetails(id, payerName, amount, status, statusReason, methodKind, methodLabel, provider,
                providerReference, createdAt, updatedAt, invoice, true);
    }
}
