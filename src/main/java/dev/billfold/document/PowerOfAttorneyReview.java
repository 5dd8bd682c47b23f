package dev.billfold.document;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's review of powers of attorney: the queue, oldest first, the document, accept or reject. It moves no money,
 * so Support decides as well as Finance (StaffAccess READ, DD-068). Once accepted, and within its dates,
 * {@link PowersOfAttorney#validFor} answers true for its individual.
 */
@Service
public class PowerOfAttorneyReview {

    private final StaffAccess staff;
    private final PowerOfAttorneyStore powers;
    private final DocumentFileStore files;
    private final DocumentAudit audit;
    private final Clock clock;

    PowerOfAttorneyReview(StaffAccess staff, PowerOfAttorneyStore powers, DocumentFileStore files,
                          DocumentAudit audit, Clock clock) {
        this.staff = staff;
        this.powers = powers;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public int waiting() {
        staff.require(StaffAccess.Action.READ, null);
        return powers.countPending();
    }

    /** Oldest first. */
    @Transactional(readOnly = true)
    public List<PowerOfAttorneyItem> queue(int offset, int limit) {
        staff.require(StaffAccess.Action.READ, null);
        return powers.pending(Math.max(0, offset), Math.clamp(limit, 0, 500));
    }

    @Transactional(readOnly = true)
    public StoredDocument document(PowerOfAttorneyId id) {
        staff.require(StaffAccess.Action.READ, id);
        return powers.fileOf(id).flatMap(files::read).orElseThrow(PowerOfAttorneyReview::notFound);
    }

    @Transactional
    public PowerOfAttorneyItem accept(PowerOfAttorneyId id, String note) {
        return decide(id, PowerOfAttorneyStatus.ACCEPTED, note, null);
    }

    /** {@code reason} is what the customer reads. */
    @Transactional
    public PowerOfAttorneyItem reject(PowerOfAttorneyId id, String reason) {
        String checked = PaymentOrderReview.required(reason, "reason", "errors.document.reason-customer",
                PaymentOrderReview.MAX_REASON);
        return decide(id, PowerOfAttorneyStatus.REJECTED, checked, checked);
    }

    private PowerOfAttorneyItem decide(PowerOfAttorneyId id, PowerOfAttorneyStatus status, String note,
                                       @Nullable String reason) {
        StaffMember member = staff.require(StaffAccess.Action.READ, id);
        String checked = PaymentOrderReview.required(note, "note", "Write a note for the decision.",
                PaymentOrderReview.MAX_NOTE);
        PowerOfAttorneyItem item = powers.lock(id).orElseThrow(PowerOfAttorneyReview::notFound);
        if (item.status() != PowerOfAttorneyStatus.PENDING) {
            throw new InvalidRequestException("Already decided"
                    + PaymentOrderReview.decidedBy(item.decidedBy(), item.decidedAt()) + ": " + item.status().label()
                    + ".");
        }
        powers.decide(id, status, reason, member.userId(), clock.instant());
        audit.decided("document.power-of-attorney." + status.name().toLowerCase(), "Power of attorney for "
                + item.individualName() + " " + status.label().toLowerCase()
                + (reason == null ? "" : ": " + reason), item.accountId(), id, PowerOfAttorneyStatus.PENDING.label(),
                status.label(), checked);
        return powers.find(id).orElseThrow();
    }

    private static InvalidRequestException notFound() {
        return InvalidRequestException.keyed(null, "errors.document.poa-not-found");
    }
}
