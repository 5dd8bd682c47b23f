package dev.billfold.payment;

import dev.billfold.base.InternalCall;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerEntryKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Invoice and receipt PDFs of one payment. The access check is {@link PaymentHistoryQuery#details}'s: any member of
 * the payment's account may download them; anyone else gets the same answer as for an unknown payment, logged.
 * No transaction of its own: the reads are the read-only detail and an append-only ledger entry, and the layout should
 * not hold a database connection.
 */
@Service
public class PaymentDocuments {

    private final PaymentHistoryQuery history;
    private final Ledger ledger;
    private final SellerProperties seller;

    PaymentDocuments(PaymentHistoryQuery history, Ledger ledger, SellerProperties seller) {
        this.history = history;
        this.ledger = ledger;
        this.seller = seller;
    }

    /** The bank-transfer invoice; the same document whatever its payment's status (DD-094). */
    public PaymentDocument invoice(PaymentId paymentId) {
        return invoiceOf(history.details(paymentId));
    }

    /** A receipt exists only once money was received and credited ({@link PaymentStatus#hasReceipt()}). */
    public PaymentDocument receipt(PaymentId paymentId) {
        return receiptOf(history.details(paymentId));
    }

    /** The receipt's number, the same as on its PDF (DD-046), for a mail's subject. */
    public static String receiptNumber(PaymentId paymentId) {
        return Receipt.numberFor(paymentId);
    }

    /** The same invoice, built for a mail after its cause committed (DD-066). */
    @InternalCall("the mail outbox attaches the invoice without a signed-in user; it mails only the payer's invoice "
            + "address or an address a member typed through InvoiceMails.sendAgain, which checks the member")
    public PaymentDocument invoiceForMail(PaymentId paymentId) {
        return invoiceOf(history.detailsWithoutUser(paymentId));
    }

    /** The same receipt, built for a mail after the credit committed (DD-066). */
    @InternalCall("the mail outbox attaches the receipt of a credited payment to the payer's invoice address, "
            + "without a signed-in user")
    public PaymentDocument receiptForMail(PaymentId paymentId) {
        return receiptOf(history.detailsWithoutUser(paymentId));
    }

    private PaymentDocument invoiceOf(PaymentDetails payment) {
        Invoice invoice = payment.invoice();
        if (invoice == null) {
            throw new InvalidRequestException("This payment has no invoice: only bank-transfer payments have one.");
        }
        return new PaymentDocument("invoice-" + invoice.number() + ".pdf",
                PaymentPdfs.invoice(invoice, payment, seller));
    }

    private PaymentDocument receiptOf(PaymentDetails payment) {
        PaymentId paymentId = payment.id();
        @Nullable Instant creditedAt = payment.status().hasReceipt()
                ? ledger.postedAt(LedgerEntryKind.TOP_UP, Payment.ledgerReference(paymentId)).orElse(null) : null;
        if (creditedAt == null) {
            throw new InvalidRequestException("There is no receipt for this payment: no money was received for it.");
        }
        @Nullable Instant refundedAt = payment.status() == PaymentStatus.REFUNDED ? payment.updatedAt() : null;
        var receipt = new Receipt(Receipt.numberFor(paymentId), payment, creditedAt, refundedAt, seller);
        return new PaymentDocument("receipt-" + receipt.number() + ".pdf", PaymentPdfs.receipt(receipt));
    }
}
