package dev.billfold.statement;

/** What an import did with one statement entry. */
public enum EntryOutcome {
    /** A payment is Credited. */
    CREDITED("Credited"),
    /** A payment is Waiting for clarification, in the held-payments queue. */
    HELD("Held"),
    /** Kept in the unmatched-entries queue for Finance. */
    UNMATCHED("Unmatched"),
    /** Imported before, from this file or another: nothing changed. */
    DUPLICATE("Duplicate"),
    /** A debit, a reversal or an entry that is not booked: listed, not matched. */
    IGNORED("Ignored");

    private final String label;

    EntryOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
