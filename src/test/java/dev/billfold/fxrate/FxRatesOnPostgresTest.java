package dev.billfold.fxrate;

import dev.billfold.BillfoldPostgresTest;

/** Rates fetched and converted on PostgreSQL, where production runs. */
@BillfoldPostgresTest
class FxRatesOnPostgresTest extends FxRatesContract {
}
