package dev.billfold.payment;

import dev.billfold.BillfoldPostgresTest;

/** The top-up contract on real PostgreSQL. */
@BillfoldPostgresTest
class TopUpServiceOnPostgresTest extends TopUpServiceContract {
}
