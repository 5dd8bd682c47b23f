package dev.billfold.audit;

import dev.billfold.BillfoldTest;

/** The customer actions' audit entries on H2. */
@BillfoldTest
class CustomerActionsAuditOnH2Test extends CustomerActionsAuditContract {
}
