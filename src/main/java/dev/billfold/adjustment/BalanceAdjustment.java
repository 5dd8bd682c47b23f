package dev.billfold.adjustment;

import dev.billfold.account.AccountId;
import dev.billfold.base.IllegalTransitionException;
import dev.billfold.base.Money;
import dev.billfold.security.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A credit or a debit of one account's balance by Finance. {@code amount} is signed, as the ledger entry it becomes.
 * It is posted once, when requested (at or below the approval limit) or when a second Finance member approves it.
 */
public record BalanceAdjustment(AdjustmentId id, AccountId accountId, Money amount, AdjustmentCategory category,
                                String note, AdjustmentStatus status, UserId requestedBy, Instant requestedAt,
                                @Nullable UserId decidedBy, @Nullable Instant decidedAt,
                                @Nullable String decisionNote, @Nullable Instant postedAt, long version) {

    public BalanceAdjustment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(category);
        Objects.requireNonNull(status);
        Objects.requireNonNull(requestedBy);
        if (amount.value().signum() == 0) {
            throw new IllegalArgumentException("An adjustment moves money");
        }
        if (note.isBlank()) {
            throw new IllegalArgumentException("An adjustment needs a note");
        }
        if ((status == AdjustmentStatus.POSTED) != (postedAt != null)) {
            throw new IllegalArgumentException("Exactly a posted adjustment has a posting time");
        }
    }

    /** Requested at or below the limit: posted at once, nobody else decides. */
    static BalanceAdjustment postedAtOnce(AccountId accountId, Money amount, AdjustmentCategory category, String note,
                                          UserId by, Instant at) {
        return new BalanceAdjustment(AdjustmentId.random(), accountId, amount, category, note,
                AdjustmentStatus.POSTED, by, at, null, null, null, at, 0);
    }

    /** Requested above the limit: waits for a second Finance member. */
    static BalanceAdjustment awaitingApproval(AccountId accountId, Money amount, AdjustmentCategory category,
                                              String note, UserId by, Instant at) {
        return new BalanceAdjustment(AdjustmentId.random(), accountId, amount, category, note,
                AdjustmentStatus.AWAITING_APPROVAL, by, at, null, null, null, null, 0);
    }

    boolean isCredit() {
        return amount.isPositive();
    }

    /** The amount without its sign, as staff typed it. */
    Money magnitude() {
        return isCredit() ? amount : amount.negate();
    }

    BalanceAdjustment approved(UserId by, Instant at, String decision) {
        requireWaiting(AdjustmentStatus.POSTED);
        return new BalanceAdjustment(id, accountId, amount, category, note, AdjustmentStatus.POSTED, requestedBy,
                requestedAt, by, at, decision, at, version + 1);
    }

    BalanceAdjustment declined(UserId by, Instant at, String decision) {
        requireWaiting(AdjustmentStatus.DECLINED);
        return new BalanceAdjustment(id, accountId, amount, category, note, AdjustmentStatus.DECLINED, requestedBy,
                requestedAt, by, at, decision, null, version + 1);
    }

    private void requireWaiting(AdjustmentStatus to) {
        if (status != AdjustmentStatus.AWAITING_APPROVAL) {
            throw new IllegalTransitionException("Adjustment " + id.value(), status, to);
        }
    }
}
