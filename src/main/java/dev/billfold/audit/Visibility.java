package dev.billfold.audit;

/** Who besides staff sees an entry. Staff always see everything; customers never see a staff member's identity. */
public enum Visibility {
    /** Staff only: internal notes, anything the customer has no business with. */
    STAFF,
    /** The account's members also see it: what happened and before → after, but not the note. */
    ACCOUNT,
    /** The account's members see the note too. */
    ACCOUNT_WITH_NOTE
}
