package dev.billfold.ops;

import dev.billfold.account.AccountId;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditFilter;
import dev.billfold.audit.AuditPage;
import dev.billfold.audit.AuditQuery;
import dev.billfold.audit.AuditTrail;
import dev.billfold.audit.Visibility;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.staff.StaffAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes by staff on an account (Support or Finance). A note is an audit entry and nothing else, so it is append-only
 * like the rest of the trail: a wrong note is corrected by a newer one. Staff-only unless the writer says the customer
 * should read it too; then the account's Activity page shows it, from "Billing team" (DD-061).
 */
@Service
public class AccountNotes {

    public static final String ACTION = "ops.note.added";
    public static final int MAX_NOTE = AuditEvent.MAX_NOTE;

    private final StaffAccess staff;
    private final AuditTrail audit;
    private final AuditQuery trail;
    private final JdbcClient jdbc;

    AccountNotes(StaffAccess staff, AuditTrail audit, AuditQuery trail, JdbcClient jdbc) {
        this.staff = staff;
        this.audit = audit;
        this.trail = trail;
        this.jdbc = jdbc;
    }

    /** Adds a note to the account; {@code forCustomer} lets the account's members read it on their Activity page. */
    @Transactional
    public void add(AccountId accountId, String note, boolean forCustomer) {
        staff.require(StaffAccess.Action.WRITE_NOTES, accountId);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw InvalidRequestException.keyed("note", "errors.ops.note-empty");
        }
        if (text.length() > MAX_NOTE) {
            throw InvalidRequestException.keyed("note", "errors.ops.note-too-long", String.valueOf(MAX_NOTE));
        }
        numberOf(accountId);
        audit.record(AuditEvent.of(ACTION, forCustomer ? "Note from the billing team" : "Note by staff")
                .account(accountId).note(text)
                .visibleTo(forCustomer ? Visibility.ACCOUNT_WITH_NOTE : Visibility.STAFF));
    }

    /** The account's notes, newest first, paged. */
    @Transactional(readOnly = true)
    public AuditPage notes(AccountId accountId, int page) {
        staff.require(StaffAccess.Action.READ, accountId);
        return trail.page(new AuditFilter(numberOf(accountId), ACTION), page);
    }

    /** The account's whole trail (notes included), newest first, paged: for the account page. */
    @Transactional(readOnly = true)
    public AuditPage trail(AccountId accountId, int page) {
        staff.require(StaffAccess.Action.READ, accountId);
        return trail.page(AuditFilter.account(numberOf(accountId)), page);
    }

    private String numberOf(AccountId accountId) {
        return jdbc.sql("select account_number from account where id = ?").param(accountId.value())
                .query(String.class).optional()
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.refund.account-not-found"));
    }
}
