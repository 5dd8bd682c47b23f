package dev.billfold.payment;

import dev.billfold.staff.StaffAccess;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff queue of payments WAITING_FOR_CLARIFICATION and their resolution by Finance (DD-064). A resolution locks
 * the payment and checks it is still held, so of two staff members resolving at once one wins and the other is told
 * what happened.
 */
@Service
public class HeldPayments {

    /** {@code payment_staff_action.note} */
    public static final int NOTE_MAX = 1000;
    /** {@code payment_staff_action.customer_reason}: the short, plain reason the customer sees */
    public static final int CUSTOMER_REASON_MAX = 200;

    private final StaffAccess staff;

    HeldPayments(StaffAccess staff) {
        this.staff = staff;
    }

    /** How many payments are held: the queue's count in the back-office menu. */
    @Transactional(readOnly = true)
    public int waiting() {
        staff.require(StaffAccess.Action.READ, null);
        throw new UnsupportedOperationException("not yet");
    }

    /** Held payments, oldest first. */
    @Transactional(readOnly = true)
    public List<HeldPayment> queue(int offset, int limit) {
        staff.require(StaffAccess.Action.READ, null);
        throw new UnsupportedOperationException("not yet");
    }

    /** One held payment; an InvalidRequestException naming what happened if it is no longer held. */
    @Transactional(readOnly = true)
    public HeldPayment held(PaymentId paymentId) {
        staff.require(StaffAccess.Action.READ, paymentId);
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Resolves a held payment. {@code note} (required, at most {@link #NOTE_MAX}) is for staff and the audit trail;
     * {@code customerReason} (required, at most {@link #CUSTOMER_REASON_MAX}) becomes the payment's reason on the
     * customer's page. A payment no longer held: an InvalidRequestException saying who resolved it, when and how.
     */
    @Transactional
    public BankPayment resolve(PaymentId paymentId, Resolution resolution, String note, String customerReason) {
        staff.require(StaffAccess.Action.MOVE_MONEY, paymentId);
        throw new UnsupportedOperationException("not yet");
    }
}
