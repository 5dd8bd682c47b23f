package dev.billfold.payment;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.staff.StaffMember;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Staff actions on payments (a resolution, a conditional credit, its reversal): recorded in the same transaction as
 * the move they made, once of each kind per payment (V19). This is the payment's own record (who resolved it first,
 * for the one who comes second); the audit entry is written by the action's owner: HeldPayments for a resolution,
 * the payment order's review for a conditional credit and its reversal.
 */
@Component
class StaffActions {

    private final BankStore store;

    StaffActions(BankStore store) {
        this.store = store;
    }

    static String requireNote(@Nullable String note) {
        if (note == null || note.isBlank()) {
            throw InvalidRequestException.keyed("note", "errors.held.note-empty");
        }
        if (note.strip().length() > HeldPayments.NOTE_MAX) {
            throw InvalidRequestException.keyed("note", "errors.held.note-too-long",
                    String.valueOf(HeldPayments.NOTE_MAX));
        }
        return note.strip();
    }

    static String requireCustomerReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidRequestException.keyed("customerReason", "errors.customer-reason.empty");
        }
        if (reason.strip().length() > HeldPayments.CUSTOMER_REASON_MAX) {
            throw InvalidRequestException.keyed("customerReason", "errors.customer-reason.too-long",
                    HeldPayments.CUSTOMER_REASON_MAX);
        }
        return reason.strip();
    }

    void record(StaffMember member, Payment payment, BankStore.Action action, String note,
                @Nullable String customerReason, @Nullable String bankReference, @Nullable PaymentId otherPayment,
                Instant now) {
        store.record(new BankStore.StaffAction(payment.id(), action, note.strip(), customerReason,
                member.userId().value(), member.displayName(), bankReference, otherPayment, now));
    }
}
