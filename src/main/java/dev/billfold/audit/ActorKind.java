package dev.billfold.audit;

/** The kind of actor behind an entry. */
public enum ActorKind {
    /** A staff member, with their staff roles; customers see "Billing team". */
    STAFF,
    /** A signed-in user acting as a member of a customer account. */
    CUSTOMER,
    /** The provider's own system through the API (a key or an OAuth2 client); customers see "Billing team". */
    API,
    /** Nobody signed in: a scheduled job, a webhook, the settlement. */
    SYSTEM
}
