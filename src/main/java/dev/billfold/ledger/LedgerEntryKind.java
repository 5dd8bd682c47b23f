package dev.billfold.ledger;

public enum LedgerEntryKind {
    TOP_UP, CHARGE, REFUND, ADJUSTMENT
}
