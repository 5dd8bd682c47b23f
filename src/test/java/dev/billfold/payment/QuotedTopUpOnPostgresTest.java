package dev.billfold.payment;

import dev.billfold.BillfoldPostgresTest;

/** Top-ups at a quote on PostgreSQL, where production runs. */
@BillfoldPostgresTest
class QuotedTopUpOnPostgresTest extends QuotedTopUpContract {
}
