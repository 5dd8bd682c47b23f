package dev.billfold.account;

import dev.billfold.security.UserId;
import java.util.Currency;

/** Who is acting in which account, with what role. Checked, never taken from the client. */
public record AccountContext(AccountId accountId, String accountName, String accountNumber, Currency currency,
                             Role role, UserId userId) {
}
