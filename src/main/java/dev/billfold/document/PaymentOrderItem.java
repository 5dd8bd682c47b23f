package dev.billfold.document;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A payment order as Finance reviews it, with its invoice and account. */
public record PaymentOrderItem(PaymentOrderId id, PaymentId paymentId, AccountId accountId, String accountNumber,
                               String accountName, String payerName, @Nullable String invoiceNumber, Money amount,
                               PaymentStatus paymentStatus, String fileName, DocumentKind kind, int sizeBytes,
                               Instant uploadedAt, String uploadedBy, PaymentOrderStatus status,
                               @Nullable String reason, @Nullable String decidedBy, @Nullable Instant decidedAt) {
}
