package dev.billfold.gateway.paypal;

import com.paypal.sdk.PaypalServerSdkClient;
import com.paypal.sdk.exceptions.ApiException;
import com.paypal.sdk.exceptions.ErrorException;
import com.paypal.sdk.models.GetOrderInput;
import com.paypal.sdk.models.GetRefundInput;
import com.paypal.sdk.models.Order;
import com.paypal.sdk.models.OrdersCapture;
import com.paypal.sdk.models.PurchaseUnit;
import com.paypal.sdk.models.Refund;
import com.paypal.sdk.models.RefundCapturedPaymentInput;
import com.paypal.sdk.models.RefundRequest;
import dev.billfold.gateway.RefundAnswer;
import dev.billfold.gateway.RefundOrder;
import io.apimatic.core.exceptions.AuthValidationException;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PayPal refunds that Billfold starts: the order's capture is read, then {@code POST
 * /v2/payments/captures/{id}/refund} with our part's key as the PayPal-Request-Id and as the refund's custom id, so a
 * retried call is the same refund and its webhook is recognised.
 */
final class PayPalRefunds {

    private static final Logger log = LoggerFactory.getLogger(PayPalRefunds.class);
    private static final String NO_ANSWER = "PayPal did not answer; the refund is checked again.";

    private final PaypalServerSdkClient client;

    PayPalRefunds(PaypalServerSdkClient client) {
        this.client = client;
    }

    RefundAnswer refund(RefundOrder order) {
        String capture;
        try {
            capture = captureOf(client.getOrdersController()
                    .getOrder(new GetOrderInput.Builder(order.paymentReference()).build()).getResult());
        } catch (ErrorException e) {
            return answerTo(e);
        } catch (ApiException | IOException | AuthValidationException e) {
            log.warn("PayPal could not be asked for order {}: {}", order.paymentReference(),
                    e.getClass().getSimpleName());
            return RefundAnswer.unknown(null, NO_ANSWER);
        }
        if (capture == null) {
            return RefundAnswer.failed(null, "PayPal has no completed capture of this payment to refund.");
        }
        try {
            Refund refund = client.getPaymentsController().refundCapturedPayment(
                    new RefundCapturedPaymentInput.Builder(capture, "application/json")
                            .paypalRequestId(order.idempotencyKey())
                            .prefer("return=representation")
                            .body(new RefundRequest.Builder()
                                    .amount(new com.paypal.sdk.models.Money.Builder(order.amount().currencyCode(),
                                            PayPalCurrencies.value(order.amount().value(), order.amount().currency()))
                                            .build())
                                    .customId(order.idempotencyKey())
                                    .noteToPayer(order.reason())
                                    .build())
                            .build()).getResult();
            return answerOf(refund);
        } catch (ErrorException e) {
            return answerTo(e);
        } catch (ApiException | IOException | AuthValidationException e) {
            log.warn("PayPal refund call failed: {}", e.getClass().getSimpleName());
            return RefundAnswer.unknown(null, NO_ANSWER);
        }
    }

    RefundAnswer refundResult(String refundReference) {
        try {
            return answerOf(client.getPaymentsController()
                    .getRefund(new GetRefundInput.Builder(refundReference).build()).getResult());
        } catch (ApiException | IOException | AuthValidationException e) {
            log.warn("PayPal could not be asked about refund {}: {}", refundReference, e.getClass().getSimpleName());
            return RefundAnswer.unknown(refundReference, NO_ANSWER);
        }
    }

    static RefundAnswer answerOf(Refund refund) {
        String status = refund.getStatus() == null ? "" : refund.getStatus().value();
        return switch (status) {
            case "COMPLETED" -> RefundAnswer.succeeded(refund.getId());
            case "PENDING" -> RefundAnswer.pending(refund.getId(), "PayPal is processing the refund.");
            case "FAILED", "CANCELLED" -> RefundAnswer.failed(refund.getId(), "PayPal could not refund it.");
            default -> RefundAnswer.unknown(refund.getId(), "PayPal reported the refund as " + status + ".");
        };
    }

    private static @Nullable String captureOf(Order order) {
        List<PurchaseUnit> units = order.getPurchaseUnits();
        if (units == null || units.isEmpty() || units.getFirst().getPayments() == null) {
            return null;
        }
        List<OrdersCapture> captures = units.getFirst().getPayments().getCaptures();
        return captures == null || captures.isEmpty() ? null : captures.getFirst().getId();
    }

    /** A 5xx or 429 may have refunded: UNKNOWN, asked again with the same request id. Any other refusal made none. */
    private static RefundAnswer answerTo(ErrorException e) {
        log.warn("PayPal refused a refund call: HTTP {} {} (debug id {})", e.getResponseCode(), e.getName(),
                e.getDebugId());
        if (e.getResponseCode() >= 500 || e.getResponseCode() == 429 || e.getResponseCode() == 409) {
            return RefundAnswer.unknown(null, NO_ANSWER);
        }
        return RefundAnswer.failed(null, "PayPal refused the refund (for example, more than is left to refund, or a "
                + "payment too old to refund).");
    }
}
