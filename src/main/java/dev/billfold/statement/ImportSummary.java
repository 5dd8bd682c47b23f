package dev.billfold.statement;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One statement import and what it did: the counts per result and the totals per currency. */
public record ImportSummary(
        StatementImportId id,
        String fileName,
        String format,
        long fileSize,
        Status status,
        String importedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        int entries,
        int credited,
        int held,
        int unmatched,
        int duplicates,
        int ignored,
        List<CurrencyTotal> totals) {

    public ImportSummary {
        totals = List.copyOf(totals);
    }

    public enum Status {
        /** Entries are being imported, batch by batch. */
        IMPORTING,
        DONE
    }
}
