package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One payment as the provider's systems read it.
 *
 * @param credited what reached the balance, in the account's currency; null until credited
 */
public record PaymentLine(PaymentId id, AccountId accountId, PayerId payerId, Money amount, @Nullable Money credited,
                          PaymentStatus status, MethodKind methodKind, @Nullable String provider,
                          Instant createdAt, Instant updatedAt) {
}
