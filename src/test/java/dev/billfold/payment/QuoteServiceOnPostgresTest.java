package dev.billfold.payment;

import dev.billfold.BillfoldPostgresTest;

/** Quotes on PostgreSQL, where production runs. */
@BillfoldPostgresTest
class QuoteServiceOnPostgresTest extends QuoteServiceContract {
}
