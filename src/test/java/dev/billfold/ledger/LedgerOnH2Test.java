package dev.billfold.ledger;

class LedgerOnH2Test extends LedgerContract {
}
