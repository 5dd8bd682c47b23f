package dev.billfold.document;

import dev.billfold.account.AccountId;
import dev.billfold.base.TypedId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the documents' uploads and decisions go to the audit trail. Until the audit helper's AuditTrail is merged,
 * they are logged (without personal data beyond ids).
 */
@Component
class DocumentAudit {

    private static final Logger log = LoggerFactory.getLogger(DocumentAudit.class);

    void customer(AccountId account, String what, TypedId subject, String detail) {
        log.info("Audit: account={} {} {}={}", account.value(), what, subject.getClass().getSimpleName(),
                subject.value());
    }

    void staff(AccountId account, String what, TypedId subject, String before, String after, String note) {
        log.info("Audit: account={} staff {} {}={} {} -> {}", account.value(), what,
                subject.getClass().getSimpleName(), subject.value(), before, after);
    }
}
