package dev.billfold.refund;

import dev.billfold.account.AccountId;
import dev.billfold.payment.PaymentId;

/** A part's money went back to the payer: published in the transaction that recorded it (its receipt, its mail). */
public record RefundPartSucceeded(RefundPartId partId, RefundRequestId requestId, PaymentId paymentId,
                                  AccountId accountId) {
}
