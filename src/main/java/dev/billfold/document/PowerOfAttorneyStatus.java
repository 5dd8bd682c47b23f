package dev.billfold.document;

/** Where a power of attorney stands: waiting for staff, accepted (valid within its dates) or rejected. */
public enum PowerOfAttorneyStatus {
    PENDING("Under review"),
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String label;

    PowerOfAttorneyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
