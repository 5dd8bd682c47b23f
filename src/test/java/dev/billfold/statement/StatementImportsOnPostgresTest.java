package dev.billfold.statement;

import dev.billfold.BillfoldPostgresTest;

/** Statement imports on real PostgreSQL. */
@BillfoldPostgresTest
class StatementImportsOnPostgresTest extends StatementImportsContract {
}
