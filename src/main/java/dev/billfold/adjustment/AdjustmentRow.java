package dev.billfold.adjustment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An adjustment as staff read it, with the account and the people's names.
 *
 * @param amount signed: positive for a credit, negative for a debit
 * @param mine   whether the signed-in staff member requested it (and so may not decide it)
 */
public record AdjustmentRow(AdjustmentId id, AccountId accountId, String accountNumber, String accountName,
                            Money amount, AdjustmentCategory category, String note, AdjustmentStatus status,
                            String requestedBy, Instant requestedAt, @Nullable String decidedBy,
                            @Nullable Instant decidedAt, @Nullable String decisionNote, boolean mine) {

    public boolean isCredit() {
        return amount.isPositive();
    }
}
