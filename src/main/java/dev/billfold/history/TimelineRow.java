package dev.billfold.history;

import dev.billfold.base.Money;
import dev.billfold.ledger.LedgerEntryKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One movement of the balance in the transaction history.
 *
 * @param balanceAfter the running balance after this entry (sum of all entries up to it, in time order)
 */
public record TimelineRow(Instant at, LedgerEntryKind kind, String description, @Nullable String payerName,
                          Money amount, Money balanceAfter, String reference) {
}
