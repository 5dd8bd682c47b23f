package dev.billfold.audit;

/** The kind of actor behind an entry. */
public enum ActorKind {
    /** A staff member, with their staff roles; customers see "Billing team". */
    STAFF,
    /** A signed-in user acting as a member of a customer account. */
    CUSTOMER,
    /** Nobody signed in: a scheduled job, a webhook, the settlement. */
    SYSTEM
}
