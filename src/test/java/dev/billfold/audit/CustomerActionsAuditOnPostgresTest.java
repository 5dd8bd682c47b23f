package dev.billfold.audit;

import dev.billfold.BillfoldPostgresTest;

/** The customer actions' audit entries on PostgreSQL. */
@BillfoldPostgresTest
class CustomerActionsAuditOnPostgresTest extends CustomerActionsAuditContract {
}
