package dev.billfold.document;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A payment order as its customer sees it: which file, where its review stands and, if rejected, why. */
public record PaymentOrderSummary(PaymentOrderId id, String fileName, PaymentOrderStatus status,
                                  @Nullable String reason, Instant uploadedAt, @Nullable Instant decidedAt) {
}
