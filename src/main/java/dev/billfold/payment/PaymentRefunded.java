package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;

/**
 * Money of a payment went back to its payer: a refund the provider reports succeeded, whoever started it. Published
 * inside the transaction that records it (for mail and webhooks out, after the commit).
 *
 * @param refundId the provider's id of the refund
 * @param refunded everything refunded of this payment so far, this refund included
 * @param full     whether the payment is now REFUNDED
 */
public record PaymentRefunded(PaymentId paymentId, AccountId accountId, String provider, String refundId,
                              Money amount, Money refunded, boolean full) {
}
