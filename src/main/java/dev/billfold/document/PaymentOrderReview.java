package dev.billfold.document;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.BankProperties;
import dev.billfold.payment.BankTransfers;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finance's review of payment orders (DD-068): the queue, oldest first; the document; a conditional credit (the
 * bank side's ledger credit and status, so the money is usable at once) or a rejection with a reason the customer
 * reads. Support reads, Finance decides. Conditionally credited orders whose transfer has not arrived within
 * {@code billfold.bank.conditional-credit-days} are listed for Finance to reverse.
 */
@Service
public class PaymentOrderReview {

    static final int MAX_NOTE = 1000;
    static final int MAX_REASON = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final StaffAccess staff;
    private final PaymentOrderStore orders;
    private final DocumentFileStore files;
    private final BankTransfers bank;
    private final BankProperties bankProperties;
    private final DocumentAudit audit;
    private final Clock clock;

    PaymentOrderReview(StaffAccess staff, PaymentOrderStore orders, DocumentFileStore files, BankTransfers bank,
                       BankProperties bankProperties, DocumentAudit audit, Clock clock) {
        this.staff = staff;
        this.orders = orders;
        this.files = files;
        this.bank = bank;
        this.bankProperties = bankProperties;
        this.audit = audit;
        this.clock = clock;
    }

    /** How many orders wait for review (the menu's count). */
    @Transactional(readOnly = true)
    public int waiting() {
        staff.require(StaffAccess.Action.READ, null);
        return orders.countPending();
    }

    /** Orders under review, oldest first. */
    @Transactional(readOnly = true)
    public List<PaymentOrderItem> queue(int offset, int limit) {
        staff.require(StaffAccess.Action.READ, null);
        return orders.pending(Math.max(0, offset), Math.clamp(limit, 0, 500));
    }

    /** Conditionally credited orders older than the configured days whose money has not arrived, oldest first. */
    @Transactional(readOnly = true)
    public List<PaymentOrderItem> overdue(int offset, int limit) {
        staff.require(StaffAccess.Action.READ, null);
        return orders.overdue(overdueCutoff(), Math.max(0, offset), Math.clamp(limit, 0, 500));
    }

    @Transactional(readOnly = true)
    public int overdueCount() {
        staff.require(StaffAccess.Action.READ, null);
        return orders.countOverdue(overdueCutoff());
    }

    @Transactional(readOnly = true)
    public PaymentOrderItem order(PaymentOrderId id) {
        staff.require(StaffAccess.Action.READ, id);
        return orders.find(id).orElseThrow(PaymentOrderReview::notFound);
    }

    /** The uploaded file, as its content proved it to be. */
    @Transactional(readOnly = true)
    public StoredDocument document(PaymentOrderId id) {
        staff.require(StaffAccess.Action.READ, id);
        return orders.fileOf(id).flatMap(files::read).orElseThrow(PaymentOrderReview::notFound);
    }

    /**
     * Credits the payment conditionally (one ledger entry, status "Conditionally credited", through the bank side)
     * and closes the order. Two reviewers at once: the second waits for the first's lock and is told what happened.
     */
    @Transactional
    public PaymentOrderItem conditionallyCredit(PaymentOrderId id, String note) {
        StaffMember member = staff.require(StaffAccess.Action.MOVE_MONEY, id);
        String checked = required(note, "note", "errors.document.note-conditional", MAX_NOTE);
        PaymentOrderItem order = pendingUnderLock(id);
        bank.conditionallyCredit(order.paymentId(), checked);
        orders.decide(id, PaymentOrderStatus.CONDITIONALLY_CREDITED, null, member.userId(), clock.instant());
        audit.decided("document.payment-order.conditionally-credited", "Payment order accepted: "
                + order.amount().format() + " conditionally credited", order.accountId(), id, "Under review",
                "Conditionally credited", checked);
        return orders.find(id).orElseThrow();
    }

    /** Rejects the order; {@code reason} is what the customer reads. The invoice keeps waiting for its money. */
    @Transactional
    public PaymentOrderItem reject(PaymentOrderId id, String reason) {
        StaffMember member = staff.require(StaffAccess.Action.MOVE_MONEY, id);
        String checked = required(reason, "reason", "errors.document.reason-customer", MAX_REASON);
        PaymentOrderItem order = pendingUnderLock(id);
        orders.decide(id, PaymentOrderStatus.REJECTED, checked, member.userId(), clock.instant());
        audit.decided("document.payment-order.rejected", "Payment order rejected: " + checked, order.accountId(),
                id, "Under review", "Rejected", null);
        return orders.find(id).orElseThrow();
    }

    /**
     * The transfer never came: the bank side debits the conditional credit back (a ledger debit) and the payment is
     * Deleted. Only for an order that was conditionally credited and whose payment still is.
     */
    @Transactional
    public PaymentOrderItem reverse(PaymentOrderId id, String note) {
        staff.require(StaffAccess.Action.MOVE_MONEY, id);
        String checked = required(note, "note", "errors.document.note-reversal", MAX_NOTE);
        orders.lock(id).orElseThrow(PaymentOrderReview::notFound);
        PaymentOrderItem order = orders.find(id).orElseThrow();
        if (order.status() != PaymentOrderStatus.CONDITIONALLY_CREDITED) {
            throw new InvalidRequestException("This payment order is " + order.status().label().toLowerCase()
                    + decidedBy(order) + "; only a conditionally credited one can be reversed.");
        }
        var payment = bank.reverseConditionalCredit(order.paymentId(), checked);
        orders.markReversed(id, payment.reason() == null
                ? "The transfer did not arrive in time; the conditional credit was reversed." : payment.reason());
        audit.decided("document.payment-order.reversed", "The transfer did not arrive: the conditional credit of "
                + order.amount().format() + " was reversed", order.accountId(), id, "Conditionally credited",
                "Reversed", checked);
        return orders.find(id).orElseThrow();
    }

    private PaymentOrderItem pendingUnderLock(PaymentOrderId id) {
        PaymentOrderItem order = orders.lock(id).orElseThrow(PaymentOrderReview::notFound);
        if (order.status() != PaymentOrderStatus.PENDING) {
            throw new InvalidRequestException("Already decided" + decidedBy(order) + ": "
                    + order.status().label() + ".");
        }
        return order;
    }

    private static String decidedBy(PaymentOrderItem order) {
        return decidedBy(order.decidedBy(), order.decidedAt());
    }

    /** " by Pat Finance at 2026-12-02 09:15 UTC": who decided a document first, for the one who came second. */
    static String decidedBy(@Nullable String who, @Nullable Instant when) {
        return (who == null ? "" : " by " + who) + (when == null ? "" : " at " + WHEN.format(when));
    }

    private Instant overdueCutoff() {
        return clock.instant().minus(Duration.ofDays(bankProperties.conditionalCreditDays()));
    }

    /** {@code missing} is the key of the refusal for an empty text. */
    static String required(String text, String field, String missing, int max) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw InvalidRequestException.keyed(field, missing);
        }
        if (stripped.length() > max) {
            throw InvalidRequestException.keyed(field, "errors.document.at-most-chars", String.valueOf(max));
        }
        return stripped;
    }

    private static InvalidRequestException notFound() {
        return InvalidRequestException.keyed(null, "errors.document.order-not-found");
    }
}
