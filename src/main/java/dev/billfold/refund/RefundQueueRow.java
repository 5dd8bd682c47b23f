package dev.billfold.refund;

import org.jspecify.annotations.Nullable;

/**
 * A request as the back office lists it: the request with its parts, whose account it is, who asked, and where bank
 * parts are paid out to.
 */
public record RefundQueueRow(RefundSummary refund, String accountName, String accountNumber, String requestedBy,
                             @Nullable String note, @Nullable String payoutHolder, @Nullable String payoutIban,
                             @Nullable String payoutBic) {
}
