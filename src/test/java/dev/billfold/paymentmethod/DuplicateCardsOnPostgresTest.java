package dev.billfold.paymentmethod;

import dev.billfold.BillfoldPostgresTest;

/** Duplicate cards on PostgreSQL, where production runs. */
@BillfoldPostgresTest
class DuplicateCardsOnPostgresTest extends DuplicateCardsContract {
}
