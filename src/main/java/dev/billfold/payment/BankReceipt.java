package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.Money;
import dev.billfold.base.TypedId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Money a bank statement shows as received, with what the caller decided to do with it.
 *
 * @param cause         unique for ever: the statement's account and the bank's reference, {@code <account>:<ref>}; a
 *                      receipt whose cause was received before is a DUPLICATE and changes nothing (at most 200 chars)
 * @param amount        what arrived, positive
 * @param bankReference the bank's reference for the entry, kept on the payment as its provider reference
 */
public record BankReceipt(
        String cause,
        Money amount,
        LocalDate bookingDate,
        @Nullable String debtorName,
        @Nullable String debtorTaxId,
        @Nullable String remittance,
        String bankReference,
        Decision decision) {

    /** What to do with the money; checked again under the payment's lock, so a stale decision is never applied. */
    public sealed interface Decision {

        /** The payment or account the money is for: what a refusal log names. */
        default TypedId subject() {
            return switch (this) {
                case CreditInvoice credit -> credit.paymentId();
                case HoldInvoice hold -> hold.paymentId();
                case CreditAccount credit -> credit.accountId();
                case HoldAccount hold -> hold.accountId();
            };
        }
    }

    /**
     * Credit the invoice's payment (rule 1). {@code thirdParty}: the debtor's name when someone other than the payer
     * paid; the customer sees "Paid by a third party: ..." as the reason.
     */
    public record CreditInvoice(PaymentId paymentId, @Nullable String thirdParty) implements Decision {
    }

    /** Hold the invoice's payment for clarification, with the reason the customer and staff see. */
    public record HoldInvoice(PaymentId paymentId, String reason) implements Decision {
    }

    /**
     * A new bank-transfer payment for the account, credited at once (rule 3). {@code payerId}: one of the account's
     * active payers, or null for its default payer. {@code reason}: what the customer sees as the payment's reason
     * when staff credited it from the unmatched queue (at most {@link BankTransfers#REASON_MAX}); otherwise null, and
     * a third party's payment reads "Paid by a third party: ...".
     */
    public record CreditAccount(AccountId accountId, @Nullable PayerId payerId, @Nullable String thirdParty,
                                @Nullable String reason) implements Decision {

        /** A statement's own match: no staff reason. */
        public CreditAccount(AccountId accountId, @Nullable PayerId payerId, @Nullable String thirdParty) {
            this(accountId, payerId, thirdParty, null);
        }
    }

    /** A new bank-transfer payment for the account, held for clarification with the reason. */
    public record HoldAccount(AccountId accountId, @Nullable PayerId payerId, String reason) implements Decision {
    }
}
