package dev.billfold.ops;

import dev.billfold.BillfoldPostgresTest;

/** The back-office search on real PostgreSQL. */
@BillfoldPostgresTest
class OpsSearchOnPostgresTest extends OpsSearchContract {
}
