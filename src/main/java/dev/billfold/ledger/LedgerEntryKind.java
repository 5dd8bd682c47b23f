package dev.billfold.ledger;

/**
 * What caused an entry. REVERSAL takes back a conditional credit whose money never arrived (DD-065), keyed like the
 * credit it reverses.
 */
public enum LedgerEntryKind {
    TOP_UP, CHARGE, REFUND, ADJUSTMENT, REVERSAL
}
