package dev.billfold.payment;

import dev.billfold.account.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * A payment left WAITING_FOR_PAYMENT. Published inside the settlement transaction. A listener that acts on it does so
 * after the commit ({@code @TransactionalEventListener(phase = AFTER_COMMIT)}), so it only ever sees a settlement that
 * committed; one that only needs to ask a question may do so BEFORE_COMMIT, on the settlement's connection (DD-027).
 *
 * @param idempotencyKey how the payment was asked for, so that a feature that started it can find it again
 */
public record PaymentSettled(PaymentId paymentId, AccountId accountId, String idempotencyKey, PaymentStatus status,
                             @Nullable String reason) {
}
