package dev.billfold.history;

import dev.billfold.base.Money;
import dev.billfold.base.Texts;
import dev.billfold.ledger.LedgerEntryKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One movement of the balance in the transaction history.
 *
 * @param text what the entry was, as a bundle key and its arguments: the page shows it in the reader's language
 * @param balanceAfter the running balance after this entry (sum of all entries up to it, in time order)
 */
public record TimelineRow(Instant at, LedgerEntryKind kind, Texts.Message text, @Nullable String payerName,
                          Money amount, Money balanceAfter, String reference) {

    /** The text in English: the CSV export's, which stays one language whoever downloads it. */
    public String description() {
        return Texts.shipped().text("en", text.key(), text.params());
    }
}
