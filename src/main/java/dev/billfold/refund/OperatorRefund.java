package dev.billfold.refund;

import dev.billfold.payment.PaymentId;
import org.jspecify.annotations.Nullable;

/** Finance's refund of one payment, fully or in part, with the note that says why; the form's key makes it one. */
public record OperatorRefund(PaymentId paymentId, @Nullable String amount, @Nullable String note, String requestKey) {
}
