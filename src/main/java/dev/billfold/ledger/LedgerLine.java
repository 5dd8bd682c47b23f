package dev.billfold.ledger;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.Instant;

/** One ledger entry as the provider's systems read it. */
public record LedgerLine(LedgerEntryId id, AccountId accountId, Money amount, LedgerEntryKind kind, String reference,
                         Instant createdAt) {
}
