package dev.billfold.ledger;

import dev.billfold.account.AccountId;

/**
 * The ledger's own consistency check, {@link Ledger#isConsistent} (package-private: it checks no access), for the
 * tests of other features. Tests assert money invariants with it rather than with sums of their own.
 */
public final class LedgerChecks {

    private LedgerChecks() {
    }

    /** Whether the account's cached balance equals the sum of its ledger entries. */
    public static boolean isConsistent(Ledger ledger, AccountId account) {
        return ledger.isConsistent(account);
    }
}
