package dev.billfold.ledger;

import dev.billfold.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    /** How many causes have more than one entry of one kind on the account: zero when each moved money once. */
    public static int causesPostedTwice(JdbcClient jdbc, AccountId account) {
        return jdbc.sql("""
                        select count(*) from (select kind, reference from ledger_entry where account_id = ?
                          group by kind, reference having count(*) > 1) twice""")
                .param(account.value()).query(Integer.class).single();
    }
}
