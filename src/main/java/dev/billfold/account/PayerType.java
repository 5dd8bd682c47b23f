package dev.billfold.account;

public enum PayerType {
    INDIVIDUAL("Individual"),
    COMPANY("Company"),
    SOLE_PROPRIETOR("Sole proprietor");

    private final String label;

    PayerType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
