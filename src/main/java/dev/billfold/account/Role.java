package dev.billfold.account;

import java.util.Locale;

/** What a member may do in one account. */
public enum Role {
    /** Everything, including payers and members. */
    OWNER,
    /** Top up, renew, manage payment methods. */
    BILLING,
    /** Read only. */
    VIEWER;

    /** "Billing": how the portal names the role. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public boolean mayMoveMoney() {
        return this == OWNER || this == BILLING;
    }
}
