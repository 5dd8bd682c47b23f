package dev.billfold.payment;

import dev.billfold.base.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One payment as the history detail shows it.
 *
 * @param canConfirmWithBank the payment waits for its customer to confirm it with their bank, and the current user may
 *                           do that ({@link PaymentService#confirmWithBank})
 * @param paidIn             what the provider charged, for a top-up paid in another currency (DD-096)
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
        boolean canConfirmWithBank,
        @Nullable PaidInOtherCurrency paidIn) {

    /** A payment in the account's own currency. */
    public PaymentDetails(PaymentId id, String payerName, Money amount, PaymentStatus status,
                          @Nullable String statusReason, MethodKind methodKind, String methodLabel,
                          @Nullable String provider, @Nullable String providerReference, Instant createdAt,
                          Instant updatedAt, @Nullable Invoice invoice, boolean canConfirmWithBank) {
        this(id, payerName, amount, status, statusReason, methodKind, methodLabel, provider, providerReference,
                createdAt, updatedAt, invoice, canConfirmWithBank, null);
    }

    PaymentDetails withConfirmWithBank() {
        return new PaymentDetails(id, payerName, amount, status, statusReason, methodKind, methodLabel, provider,
                providerReference, createdAt, updatedAt, invoice, true, paidIn);
    }
}
