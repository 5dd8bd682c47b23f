package dev.billfold.account;

/** What a member may do in one account. */
public enum Role {
    /** Everything, including payers and members. */
    OWNER,
    /** Top up, renew, manage payment methods. */
    BILLING,
    /** Read only. */
    VIEWER;

    public boolean mayMoveMoney() {
        return this == OWNER || this == BILLING;
    }
}
