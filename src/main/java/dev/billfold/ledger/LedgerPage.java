package dev.billfold.ledger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Entries newest first; {@code next} is the cursor of the page after, or null at the end. */
public record LedgerPage(List<LedgerLine> items, @Nullable String next) {
}
