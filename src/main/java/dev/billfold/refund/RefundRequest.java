package dev.billfold.refund;

import dev.billfold.account.AccountId;
import dev.billfold.base.IllegalTransitionException;
import dev.billfold.base.Money;
import dev.billfold.security.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One refund asked for: by a customer for their unused balance, or by Finance for one payment. Its amount was
 * reserved when it was asked for; a decision moves it once, from awaiting approval to approved or rejected.
 */
public record RefundRequest(RefundRequestId id, AccountId accountId, Money amount, RefundOrigin origin,
                            RefundRequestStatus status, String requestKey, UserId requestedBy, Instant requestedAt,
                            @Nullable String note, @Nullable PayoutAccount payout, @Nullable UserId decidedBy,
                            @Nullable Instant decidedAt, @Nullable String decisionNote, long version) {

    public RefundRequest {
        Objects.requireNonNull(id);
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(status);
        Objects.requireNonNull(requestedBy);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A refund returns a positive amount");
        }
        if (requestKey.isBlank()) {
            throw new IllegalArgumentException("A refund request needs its form's key");
        }
        if (origin == RefundOrigin.OPERATOR && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("An operator refund needs a note");
        }
    }

    static RefundRequest asked(AccountId accountId, Money amount, RefundOrigin origin, boolean approvedAtOnce,
                               String requestKey, UserId by, Instant now, @Nullable String note,
                               @Nullable PayoutAccount payout) {
        return new RefundRequest(RefundRequestId.random(), accountId, amount, origin,
                approvedAtOnce ? RefundRequestStatus.APPROVED : RefundRequestStatus.AWAITING_APPROVAL, requestKey, by,
                now, note, payout, approvedAtOnce ? by : null, approvedAtOnce ? now : null, null, 0);
    }

    RefundRequest approved(UserId by, Instant at, String decision) {
        return decided(RefundRequestStatus.APPROVED, by, at, decision);
    }

    RefundRequest rejected(UserId by, Instant at, String decision) {
        return decided(RefundRequestStatus.REJECTED, by, at, decision);
    }

    private RefundRequest decided(RefundRequestStatus next, UserId by, Instant at, String decision) {
        if (status != RefundRequestStatus.AWAITING_APPROVAL) {
            throw new IllegalTransitionException("Refund request " + id.value(), status, next);
        }
        return new RefundRequest(id, accountId, amount, origin, next, requestKey, requestedBy, requestedAt, note,
                payout, by, at, decision, version + 1);
    }

    /** Where bank-transfer parts are paid out to, as the customer gave it. */
    public record PayoutAccount(String holder, String iban, @Nullable String bic) {

        public PayoutAccount {
            if (holder.isBlank() || iban.isBlank()) {
                throw new IllegalArgumentException("A payout needs the account holder and the IBAN");
            }
        }

        /** "DE89 •••• 3000" for lists: the whole IBAN only where Finance pays it out. */
        public String masked() {
            return iban.substring(0, 4) + " \u2022\u2022\u2022\u2022 " + iban.substring(iban.length() - 4);
        }
    }
}
