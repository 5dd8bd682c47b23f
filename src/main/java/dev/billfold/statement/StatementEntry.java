package dev.billfold.statement;

import dev.billfold.base.Money;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a statement as the bank wrote it, before matching. {@code statementAccount} and {@code bankReference}
 * together identify it across files (DD-062); {@code remittance} is the unstructured purpose and the structured
 * creditor references, joined by spaces.
 */
record StatementEntry(
        int position,
        String statementAccount,
        String bankReference,
        boolean credit,
        boolean booked,
        Money amount,
        @Nullable LocalDate bookingDate,
        @Nullable String debtorName,
        @Nullable String debtorTaxId,
        boolean debtorIndividual,
        String remittance) {

    /** The claim key: the statement's account and the bank's reference for the entry. */
    String claimKey() {
        return statementAccount + ":" + bankReference;
    }
}
