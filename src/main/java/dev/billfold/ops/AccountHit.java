package dev.billfold.ops;

import dev.billfold.account.AccountId;

/** An account found by the back-office search, with what matched. */
public record AccountHit(AccountId accountId, String accountNumber, String accountName, String matchedBy,
                         String matched) {
}
