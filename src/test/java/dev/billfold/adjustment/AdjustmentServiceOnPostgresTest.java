package dev.billfold.adjustment;

import dev.billfold.BillfoldPostgresTest;

/** Balance adjustments on real PostgreSQL, where the race of two approvals is a real one. */
@BillfoldPostgresTest
class AdjustmentServiceOnPostgresTest extends AdjustmentServiceContract {
}
