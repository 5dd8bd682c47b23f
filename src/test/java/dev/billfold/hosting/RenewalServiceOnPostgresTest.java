package dev.billfold.hosting;

import dev.billfold.BillfoldPostgresTest;

/** The renewal contract on real PostgreSQL: row locks, SKIP LOCKED and the window function as production runs them. */
@BillfoldPostgresTest
class RenewalServiceOnPostgresTest extends RenewalServiceContract {
}
