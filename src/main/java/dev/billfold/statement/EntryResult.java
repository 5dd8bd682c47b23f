package dev.billfold.statement;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.payment.PaymentId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One entry of an import with its result, and, for an unmatched one, how it was resolved. */
public record EntryResult(
        StatementEntryId id,
        StatementImportId importId,
        int position,
        String statementAccount,
        String bankReference,
        Money amount,
        boolean credit,
        boolean booked,
        @Nullable LocalDate bookingDate,
        @Nullable String debtorName,
        @Nullable String debtorTaxId,
        String remittance,
        EntryOutcome outcome,
        @Nullable String detail,
        @Nullable PaymentId paymentId,
        @Nullable AccountId accountId,
        @Nullable EntryResolution resolution,
        @Nullable String resolutionNote,
        @Nullable String returnedReference,
        @Nullable String resolvedBy,
        @Nullable Instant resolvedAt,
        Instant recordedAt,
        int version) {

    /** Waiting in the unmatched queue. */
    public boolean waiting() {
        return outcome == EntryOutcome.UNMATCHED && resolution == null;
    }

    /** What happened to it, in words, for the one who came second. */
    public String resolutionText() {
        if (resolution == null) {
            return "Not resolved.";
        }
        return "%s by %s%s. Note: %s".formatted(resolution.label(), resolvedBy,
                returnedReference == null ? "" : " (bank reference " + returnedReference + ")", resolutionNote);
    }
}
