package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A payment after a staff action on it (a conditional credit, its reversal, a resolution). */
public record BankPayment(PaymentId paymentId, AccountId accountId, Money amount, @Nullable Money credited,
                          PaymentStatus status, @Nullable String reason, Instant updatedAt) {

    static BankPayment of(Payment payment) {
        return new BankPayment(payment.id(), payment.accountId(), payment.amount(), payment.credited(),
                payment.status(), payment.statusReason(), payment.updatedAt());
    }
}
