package dev.billfold.gateway;

/** What kind of method moves the money, for the rules of which methods each country offers (DD-091). */
public enum MethodFamily {
    CARD("Card payment"),
    WALLET("Wallet payment"),
    MOBILE_MONEY("Mobile money"),
    BANK_TRANSFER("Bank transfer by invoice");

    private final String label;

    MethodFamily(String label) {
        this.label = label;
    }

    /** "Bank transfer by invoice", as a sentence starts. */
    public String label() {
        return label;
    }
}
