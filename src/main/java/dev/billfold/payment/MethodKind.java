package dev.billfold.payment;

/** How a top-up is paid. */
public enum MethodKind {
    /** A method saved at a provider, charged off-session. */
    SAVED_METHOD,
    /** A bank transfer against an invoice; credited by an operator or a statement import. */
    INVOICE,
    /** A provider's hosted checkout, with a redirect out and back. */
    CHECKOUT
}
