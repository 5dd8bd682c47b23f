package dev.billfold.hosting;

import dev.billfold.BillfoldPostgresTest;

/** The auto top-up's guards on real PostgreSQL: the rule's row lock as production takes it. */
@BillfoldPostgresTest
class AutoTopUpOnPostgresTest extends AutoTopUpContract {
}
