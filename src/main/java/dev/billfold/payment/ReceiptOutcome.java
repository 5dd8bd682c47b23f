package dev.billfold.payment;

import dev.billfold.account.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * What became of one {@link BankReceipt}, in the order given.
 *
 * @param paymentId     the payment it credited or holds (for a DUPLICATE: the one the first receipt went to)
 * @param balanceMoved  whether this receipt wrote a ledger entry (false for a conditionally credited payment that
 *                      is now CREDITED: its entry was written when it was conditionally credited)
 * @param reason        why it is held or refused, in words; "Paid by a third party: ..." for such a credit
 */
public record ReceiptOutcome(
        String cause,
        Result result,
        @Nullable PaymentId paymentId,
        @Nullable AccountId accountId,
        @Nullable PaymentStatus status,
        boolean balanceMoved,
        @Nullable String reason) {

    public enum Result {
        /** The payment is CREDITED. */
        CREDITED,
        /** A payment is WAITING_FOR_CLARIFICATION with the reason: the decision's, or why it could not be applied. */
        HELD,
        /** This cause was received before (or earlier in the same call); nothing changed. */
        DUPLICATE,
        /** Nothing was written (no such payment or account, no active payer): the caller keeps it as unmatched. */
        REFUSED
    }
}
