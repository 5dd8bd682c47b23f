package dev.billfold.audit;

import dev.billfold.BillfoldTest;

/** The audit trail on H2, the embedded default, with its Java trigger. */
@BillfoldTest
class AuditTrailOnH2Test extends AuditTrailContract {
}
