package dev.billfold.ledger;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.util.List;

/**
 * Postings moved balances. Published inside the posting's transaction, once per {@link Ledger#post} or
 * {@link Ledger#postAll} (one move per account), so a listener can compare the balance after with before.
 */
public record BalancesMoved(List<Move> moves) {

    public BalancesMoved {
        moves = List.copyOf(moves);
    }

    /**
     * @param amount    the account's net change
     * @param reference the cause of (the first of) its entries, unique per posting
     */
    public record Move(AccountId accountId, Money amount, LedgerEntryKind kind, String reference) {
    }
}
