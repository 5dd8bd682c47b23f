package dev.billfold.refund;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.payment.PaymentId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One refund request with its parts, as the customer's refunds page and the back office show it.
 *
 * @param progress      where the request stands as a whole, which the pages name in the reader's language
 * @param status        what the customer reads in English (the API's word): "Awaiting approval", "In progress",
 *                      "Refunded", "Partly refunded", "Rejected", "Failed"
 * @param reason        why it was rejected or failed, when it was
 * @param hasReceipt    whether some of it went back, so that its refund receipt exists
 */
public record RefundSummary(RefundRequestId id, AccountId accountId, Instant requestedAt, Money amount,
                            RefundOrigin origin, RefundRequestStatus decision, Progress progress,
                            String status, @Nullable String reason,
                            List<Part> parts, boolean hasReceipt) {

    public RefundSummary {
        parts = List.copyOf(parts);
    }

    /** "Visa •••• 4242: $120.00; PayPal j***@example.com: $30.00". */
    public String destinationsText() {
        return String.join("; ", parts.stream().map(p -> p.destination() + ": " + p.amount().format()).toList());
    }

    /** Where a request stands as a whole, worked out from its decision and its parts. */
    public enum Progress {
        AWAITING_APPROVAL("Awaiting approval"),
        IN_PROGRESS("In progress"),
        REFUNDED("Refunded"),
        PARTLY_REFUNDED("Partly refunded; the rest returned to your balance"),
        REJECTED("Rejected: returned to your balance"),
        FAILED("Failed: returned to your balance");

        private final String label;

        Progress(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Part(RefundPartId id, PaymentId paymentId, String destination, Money amount, RefundRoute route,
                       RefundPartStatus status, @Nullable String reason, @Nullable String payoutReference) {
    }

    static RefundSummary of(RefundRequest request, List<RefundPart> parts) {
        List<Part> lines = parts.stream().map(p -> new Part(p.id(), p.paymentId(), p.destination(), p.amount(),
                p.route(), p.status(), p.failureReason(), p.payoutReference())).toList();
        boolean anyDone = parts.stream().anyMatch(p -> p.status().done());
        boolean allDone = !parts.isEmpty() && parts.stream().allMatch(p -> p.status().done());
        boolean allReturned = !parts.isEmpty() && parts.stream().allMatch(p -> p.status().returned());
        boolean settled = parts.stream().allMatch(p -> p.status().done() || p.status().returned());
        Progress progress;
        String reason = null;
        if (request.status() == RefundRequestStatus.REJECTED) {
            progress = Progress.REJECTED;
            reason = request.decisionNote();
        } else if (request.status() == RefundRequestStatus.AWAITING_APPROVAL) {
            progress = Progress.AWAITING_APPROVAL;
        } else if (allDone) {
            progress = Progress.REFUNDED;
        } else if (allReturned) {
            progress = Progress.FAILED;
            reason = parts.stream().map(RefundPart::failureReason).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
        } else if (settled && anyDone) {
            progress = Progress.PARTLY_REFUNDED;
            reason = parts.stream().map(RefundPart::failureReason).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
        } else {
            progress = Progress.IN_PROGRESS;
        }
        return new RefundSummary(request.id(), request.accountId(), request.requestedAt(), request.amount(),
                request.origin(), request.status(), progress, progress.label(), reason, lines, anyDone);
    }
}
