package dev.billfold.payment;

import dev.billfold.account.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * A payment left WAITING_FOR_PAYMENT. Published inside the settlement transaction; listeners that act on it use
 * {@code @TransactionalEventListener(phase = AFTER_COMMIT)}, so they only ever see a settlement that committed.
 *
 * @param idempotencyKey how the payment was asked for, so that a feature that started it can find it again
 */
public record PaymentSettled(PaymentId paymentId, AccountId accountId, String idempotencyKey, PaymentStatus status,
                             @Nullable String reason) {
}
