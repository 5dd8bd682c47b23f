package dev.billfold.fxrate;

import dev.billfold.BillfoldTest;

/** Rates fetched and converted on the embedded default database. */
@BillfoldTest
class FxRatesOnH2Test extends FxRatesContract {
}
