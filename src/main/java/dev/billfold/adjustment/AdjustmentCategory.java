package dev.billfold.adjustment;

/**
 * Why the balance was adjusted. The customer reads the reason on their timeline, in their language
 * ({@code history.adjustment.*}); the staff note stays with staff (DD-067).
 */
public enum AdjustmentCategory {
    GOODWILL("Goodwill", "Goodwill credit"),
    CORRECTION("Correction", "Correction"),
    MIGRATION("Migration", "Balance carried over"),
    OTHER("Other", "Adjustment");

    private final String label;
    private final String reason;

    AdjustmentCategory(String label, String reason) {
        this.label = label;
        this.reason = reason;
    }

    /** For staff, in the forms and the queue. */
    public String label() {
        return label;
    }

    /** The plain reason in English, as the audit trail stores it. */
    public String reason() {
        return reason;
    }
}
