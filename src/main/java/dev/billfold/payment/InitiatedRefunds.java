package dev.billfold.payment;

import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundNotifications;
import java.util.Optional;

/**
 * The seam through which news of a refund that Billfold itself started (a customer's request, an operator's refund)
 * reaches the feature that started it, instead of being debited a second time as a refund made at the provider. Every
 * bean of this type is asked, in order, before the news is taken as a refund from outside (DD-070).
 * <p>
 * Called inside the notification's transaction, with the refunded payment's row already locked (so news of one
 * payment is handled one at a time): an implementation locks its own rows after it, never before, and records what it
 * learnt through {@link PaymentRefunds#record} with {@link PaymentRefunds.Funding#RESERVED}.
 */
public interface InitiatedRefunds {

    /**
     * Takes the news if the refund is one of ours (by {@link ProviderRefund#initiatedKey()} or the provider's refund id
     * we stored), and says what it did; empty when it is not ours, and the caller then debits it as a refund from
     * outside. {@code payment} is the refunded payment, matched within {@code gatewayId}.
     */
    Optional<RefundNotifications.Outcome> take(String gatewayId, PaymentRefunds.RefundablePayment payment,
                                               ProviderRefund refund);
}
