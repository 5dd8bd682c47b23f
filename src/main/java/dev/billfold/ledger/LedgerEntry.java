package dev.billfold.ledger;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One movement of an account's balance. Append-only; (kind, reference) names its cause and is unique, so every
 * credit and charge happens at most once.
 */
public record LedgerEntry(
        LedgerEntryId id,
        AccountId accountId,
        Money amount,
        LedgerEntryKind kind,
        String reference,
        Instant createdAt) {

    public LedgerEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(kind);
        if (reference.isBlank()) {
            throw new IllegalArgumentException("A ledger entry needs the reference of its cause");
        }
        if (amount.value().signum() == 0) {
            throw new IllegalArgumentException("A ledger entry moves money");
        }
        boolean credit = amount.isPositive();
        boolean creditOnly = kind == LedgerEntryKind.TOP_UP || kind == LedgerEntryKind.REFUND_RETURN
                || kind == LedgerEntryKind.DISPUTE_WON || kind == LedgerEntryKind.REFUND_RELEASED;
        boolean debitOnly = kind == LedgerEntryKind.CHARGE || kind == LedgerEntryKind.REFUND
                || kind == LedgerEntryKind.REVERSAL || kind == LedgerEntryKind.DISPUTE
                || kind == LedgerEntryKind.REFUND_RESERVED;
        if ((creditOnly && !credit) || (debitOnly && credit)) {
            throw new IllegalArgumentException(kind + " cannot be " + amount);
        }
    }
}
