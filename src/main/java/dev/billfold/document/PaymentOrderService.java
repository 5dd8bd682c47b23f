package dev.billfold.document;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountContext;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Texts;
import dev.billfold.payment.PaymentId;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's side of payment orders: "I have paid: upload the payment order" on a waiting bank-transfer invoice,
 * and where its review stands. Only members of the payment's account who may move money upload; someone else's
 * payment id gets the same answer as an unknown one (DD-068).
 */
@Service
public class PaymentOrderService {

    static final String NOT_FOUND = "errors.payment.not-found";

    private final AccountAccess access;
    private final PaymentOrderStore orders;
    private final DocumentFileStore files;
    private final DocumentAudit audit;
    private final Clock clock;

    PaymentOrderService(AccountAccess access, PaymentOrderStore orders, DocumentFileStore files, DocumentAudit audit,
                        Clock clock) {
        this.access = access;
        this.orders = orders;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PaymentOrderPage page(PaymentId paymentId) {
        var payment = orders.payment(paymentId).orElse(null);
        AccountContext context = access.requireOwner(payment == null ? null : payment.accountId(), paymentId,
                AccountAccess.Action.VIEW, InvalidRequestException.keyed(null, NOT_FOUND));
        boolean canUpload = payment.waitingInvoice() && !orders.hasPending(paymentId)
                && context.role().mayMoveMoney();
        return new PaymentOrderPage(paymentId, payment.invoiceNumber(), payment.amount(), payment.status(), canUpload,
                orders.ofPayment(paymentId));
    }

    /**
     * Stores the file as the payment's order under review. Refused with a message, and nothing stored, when the file
     * is not a PDF, PNG or JPEG of at most 10 MB by its content, when the invoice no longer waits for payment, or when
     * an order of it is under review already.
     */
    @Transactional
    public PaymentOrderSummary upload(PaymentId paymentId, UploadedDocument document) {
        var payment = orders.payment(paymentId).orElse(null);
        AccountContext context = access.requireOwner(payment == null ? null : payment.accountId(), paymentId,
                AccountAccess.Action.MOVE_MONEY, InvalidRequestException.keyed(null, NOT_FOUND));
        if (!payment.waitingInvoice()) {
            throw InvalidRequestException.keyed(null, "errors.document.order-not-waiting",
                    new Texts.Message("payment.status." + payment.status().name()));
        }
        DocumentKind kind = DocumentChecks.check(document);
        if (orders.hasPending(paymentId)) {
            throw alreadyUnderReview();
        }
        Instant now = clock.instant();
        String name = DocumentChecks.cleanFileName(document.fileName(), kind);
        var file = files.insert(context.accountId(), name, kind, document.content(), context.userId(), now);
        PaymentOrderId id;
        try {
            id = orders.insert(paymentId, context.accountId(), file, now);
        } catch (DuplicateKeyException raced) {
            throw alreadyUnderReview();
        }
        audit.uploaded("document.payment-order.uploaded", "Sent the payment order " + name + " for invoice "
                + payment.invoiceNumber(), context.accountId(), id);
        return new PaymentOrderSummary(id, name, PaymentOrderStatus.PENDING, null, now, null);
    }

    private static InvalidRequestException alreadyUnderReview() {
        return InvalidRequestException.keyed(null, "errors.document.order-pending");
    }
}
