package dev.billfold.ledger;

import dev.billfold.BillfoldPostgresTest;

@BillfoldPostgresTest
class LedgerOnPostgresTest extends LedgerContract {
}
