package dev.billfold.account;

import dev.billfold.BillfoldPostgresTest;

/** The payer contract on real PostgreSQL. */
@BillfoldPostgresTest
class PayerServiceOnPostgresTest extends PayerServiceContract {
}
