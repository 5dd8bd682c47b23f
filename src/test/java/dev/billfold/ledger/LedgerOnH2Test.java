package dev.billfold.ledger;

import dev.billfold.BillfoldTest;

@BillfoldTest
class LedgerOnH2Test extends LedgerContract {
}
