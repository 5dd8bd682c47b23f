package dev.billfold.statement;

/** How Finance resolved an unmatched entry. */
public enum EntryResolution {
    /** Credited to an account chosen by its number, as a new bank-transfer payment. */
    CREDITED_TO_ACCOUNT("Credited to an account"),
    /** The bank sent the money back to the sender; nothing was credited. */
    RETURNED("Returned to the sender"),
    /** Rejected: nothing was credited. */
    REJECTED("Rejected");

    private final String label;

    EntryResolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
