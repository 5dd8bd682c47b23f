package dev.billfold.document;

/** Where a payment order stands in Finance's review. */
public enum PaymentOrderStatus {
    PENDING("Under review"),
    CONDITIONALLY_CREDITED("Conditionally credited"),
    REJECTED("Rejected"),
    /** Conditionally credited, and reversed by Finance because the transfer never arrived. */
    REVERSED("Reversed");

    private final String label;

    PaymentOrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
