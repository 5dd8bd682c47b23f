package dev.billfold.document;

import dev.billfold.account.AccountId;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.TypedId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The documents' entries in the audit trail, written in the caller's transaction: uploads (the customer's own
 * action, which they see on Activity) and staff decisions (the customer sees what was decided, not the note; a
 * rejection's reason is theirs to read anyway).
 */
@Component
class DocumentAudit {

    private final AuditTrail trail;

    DocumentAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void uploaded(String action, String text, AccountId account, TypedId subject) {
        trail.record(AuditEvent.of(action, text).account(account).subject(subject));
    }

    void decided(String action, String text, AccountId account, TypedId subject, String before, String after,
                 @Nullable String note) {
        trail.record(AuditEvent.of(action, text).account(account).subject(subject).change(before, after).note(note));
    }
}
