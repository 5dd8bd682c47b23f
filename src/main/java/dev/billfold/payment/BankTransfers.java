package dev.billfold.payment;

import dev.billfold.staff.StaffAccess;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money side of bank transfers (DD-064, DD-065): the reads statement matching needs, the batch that applies what
 * a statement received, and the conditional credit of a payment order. Everything credits through the payment's one
 * ledger key ({@code payment:<id>}, kind TOP_UP), so a payment is credited at most once whichever path comes first.
 */
@Service
public class BankTransfers {

    private final StaffAccess staff;

    BankTransfers(StaffAccess staff) {
        this.staff = staff;
    }

    /** The invoices with these numbers (unknown ones are absent), by number. Any number of them, read in chunks. */
    @Transactional(readOnly = true)
    public Map<String, BankInvoice> findInvoices(Collection<String> invoiceNumbers) {
        staff.require(StaffAccess.Action.READ, null);
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The accounts with these account numbers, by number. A number whose check digits do not fit (DD-059) or that no
     * account has is absent.
     */
    @Transactional(readOnly = true)
    public Map<String, BankAccount> findAccounts(Collection<String> accountNumbers) {
        staff.require(StaffAccess.Action.READ, null);
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Applies the receipts in one transaction, with batched statements, and returns one outcome per receipt in the
     * given order. Idempotent by cause. Batches of about 1,000 are the sweet spot; at most 5,000 per call.
     */
    @Transactional
    public List<ReceiptOutcome> receive(List<BankReceipt> receipts) {
        staff.require(StaffAccess.Action.MOVE_MONEY, null);
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Credits a WAITING_FOR_PAYMENT invoice payment on proof of payment: the ledger credit under the payment's key and
     * CONDITIONALLY_CREDITED. A later receipt for it makes it CREDITED with no second entry.
     */
    @Transactional
    public BankPayment conditionallyCredit(PaymentId paymentId, String note) {
        staff.require(StaffAccess.Action.MOVE_MONEY, paymentId);
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Reverses a conditional credit whose money never arrived, once {@link #reversibleFrom} has passed: a REVERSAL
     * ledger debit under the payment's key (the balance may go below zero) and CONDITIONALLY_CREDITED → DELETED.
     */
    @Transactional
    public BankPayment reverseConditionalCredit(PaymentId paymentId, String note) {
        staff.require(StaffAccess.Action.MOVE_MONEY, paymentId);
        throw new UnsupportedOperationException("not yet");
    }

    /** When a conditionally credited payment may be reversed (credited at + billfold.bank.conditional-credit-days). */
    @Transactional(readOnly = true)
    public Instant reversibleFrom(PaymentId paymentId) {
        staff.require(StaffAccess.Action.READ, paymentId);
        throw new UnsupportedOperationException("not yet");
    }
}
