package dev.billfold.audit;

import dev.billfold.BillfoldPostgresTest;

/** The audit trail on real PostgreSQL, with its PL/pgSQL trigger. */
@BillfoldPostgresTest
class AuditTrailOnPostgresTest extends AuditTrailContract {
}
