package dev.billfold.refund;

import dev.billfold.account.AccountId;
import dev.billfold.base.IllegalTransitionException;
import dev.billfold.base.Money;
import dev.billfold.payment.PaymentId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The share of a refund that goes back to one top-up, by that top-up's own method. Its status moves only along
 * {@link RefundPartStatus#allowedNext()}; its reservation is the ledger entry {@link #ledgerReference()}, and its
 * return, if it fails or is rejected, {@link #returnReference()}: each at most once.
 */
public record RefundPart(RefundPartId id, RefundRequestId requestId, AccountId accountId, PaymentId paymentId,
                         Money amount, RefundRoute route, @Nullable String provider, String destination,
                         RefundPartStatus status, String idempotencyKey, @Nullable String providerRefundId,
                         @Nullable String failureReason, @Nullable String payoutReference, Instant createdAt,
                         Instant updatedAt, long version) {

    public RefundPart {
        Objects.requireNonNull(id);
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(paymentId);
        Objects.requireNonNull(route);
        Objects.requireNonNull(status);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A refund part returns a positive amount");
        }
        if (route == RefundRoute.PROVIDER && provider == null) {
            throw new IllegalArgumentException("A provider refund needs its provider");
        }
    }

    static RefundPart reserved(RefundRequestId requestId, AccountId accountId, RefundAllocation.Share share,
                               Instant now) {
        RefundPartId id = RefundPartId.random();
        return new RefundPart(id, requestId, accountId, share.topUp().paymentId(), share.amount(),
                share.topUp().route(),
                share.topUp().provider(), share.topUp().destination(), RefundPartStatus.RESERVED,
                "refund-" + id.value(), null, null, null, now, now, 0);
    }

    /** The reservation's cause: the part's amount debited when it was asked for. */
    String ledgerReference() {
        return "refund:" + id.value();
    }

    /** The cause of giving the reservation back. */
    String returnReference() {
        return "refund-return:" + id.value();
    }

    /** Approved: a provider part is sent, a bank-transfer part waits for Finance's payout. */
    RefundPart approved(Instant now) {
        return moveTo(route == RefundRoute.PROVIDER ? RefundPartStatus.SENDING : RefundPartStatus.PAYOUT_DUE,
                providerRefundId, null, null, now);
    }

    RefundPart cancelled(String reason, Instant now) {
        return moveTo(RefundPartStatus.CANCELLED, providerRefundId, reason, null, now);
    }

    RefundPart pending(@Nullable String refundId, Instant now) {
        return status == RefundPartStatus.PENDING && Objects.equals(refundId, providerRefundId) ? this
                : moveTo(RefundPartStatus.PENDING, refundId == null ? providerRefundId : refundId, null, null, now);
    }

    RefundPart succeeded(@Nullable String refundId, Instant now) {
        return moveTo(RefundPartStatus.SUCCEEDED, refundId == null ? providerRefundId : refundId, null, null, now);
    }

    RefundPart failed(@Nullable String refundId, String reason, Instant now) {
        return moveTo(RefundPartStatus.FAILED, refundId == null ? providerRefundId : refundId, reason, null, now);
    }

    RefundPart paidOut(String reference, Instant now) {
        return moveTo(RefundPartStatus.PAID_OUT, providerRefundId, null, reference, now);
    }

    private RefundPart moveTo(RefundPartStatus next, @Nullable String refundId, @Nullable String reason,
                              @Nullable String payout, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Refund part " + id.value(), status, next);
        }
        return new RefundPart(id, requestId, accountId, paymentId, amount, route, provider, destination, next,
                idempotencyKey, refundId, reason, payout, createdAt, now, version + 1);
    }
}
