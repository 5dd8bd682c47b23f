package dev.billfold.document;

import dev.billfold.base.Money;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The customer's payment-order page for one invoice.
 *
 * @param canUpload the invoice waits for payment, has no order under review, and the user may move money
 * @param orders    newest first
 */
public record PaymentOrderPage(PaymentId paymentId, @Nullable String invoiceNumber, Money amount,
                               PaymentStatus paymentStatus, boolean canUpload, List<PaymentOrderSummary> orders) {
}
