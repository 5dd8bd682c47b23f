package dev.billfold.payment;

import dev.billfold.BillfoldTest;

/** Quotes on the embedded default database. */
@BillfoldTest
class QuoteServiceOnH2Test extends QuoteServiceContract {
}
