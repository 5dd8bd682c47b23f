package dev.billfold.paymentmethod;

import dev.billfold.account.PayerId;

/**
 * A saved method changed (confirmed, failed, made default, removed, expired). Published inside the transaction that
 * changed it; listeners that show it (the methods page) act after the commit.
 */
public record PaymentMethodChanged(PaymentMethodId methodId, PayerId payerId, PaymentMethodStatus status) {

    static PaymentMethodChanged of(PaymentMethod method) {
        return new PaymentMethodChanged(method.id(), method.payerId(), method.status());
    }
}
