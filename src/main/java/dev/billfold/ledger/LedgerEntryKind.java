package dev.billfold.ledger;

/**
 * What caused an entry. REVERSAL takes back a conditional credit whose money never arrived (DD-065), keyed like the
 * credit it reverses. REFUND debits money a provider returned to the payer, keyed by the provider's refund id;
 * REFUND_RETURN gives it back, under the same key, when that refund failed. DISPUTE debits a disputed amount, keyed by
 * the dispute id, and DISPUTE_WON credits it back once when the dispute is won (DD-069, DD-070). REFUND_RESERVED
 * holds the amount of a refund Billfold started (a customer's request, an operator's refund), keyed by the request's
 * part, from the moment it is asked for; REFUND_RELEASED gives it back, once, when that part is rejected or fails
 * (DD-071).
 */
public enum LedgerEntryKind {
    TOP_UP, CHARGE, REFUND, ADJUSTMENT, REVERSAL, REFUND_RETURN, DISPUTE, DISPUTE_WON,
    REFUND_RESERVED, REFUND_RELEASED;

    /** Whether an entry of this kind may take a balance below zero: only money the payer took back (DD-069). */
    public boolean mayGoNegative() {
        return this == REFUND || this == DISPUTE;
    }
}
