package dev.billfold.gateway.stripe;

import static dev.billfold.gateway.stripe.StripeResults.describe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundAnswer;
import dev.billfold.gateway.RefundOrder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe refunds that Billfold starts: {@code POST /v1/refunds} on the payment's PaymentIntent with our part's key as
 * the Idempotency-Key and in the refund's metadata ({@link ProviderRefund#INITIATED_KEY}), so a retried call is the
 * same refund and its webhook is recognised. A Checkout Session reference is resolved to its PaymentIntent first.
 */
final class StripeRefunds {

    private static final Logger log = LoggerFactory.getLogger(StripeRefunds.class);

    private final StripeClient stripe;

    StripeRefunds(StripeClient stripe) {
        this.stripe = stripe;
    }

    RefundAnswer refund(RefundOrder order) {
        long amount;
        try {
            amount = StripeAmounts.toMinor(order.amount());
        } catch (InvalidRequestException notRefundable) {
            return RefundAnswer.failed(null, notRefundable.getMessage());
        }
        String intent;
        try {
            intent = paymentIntentOf(order.paymentReference());
        } catch (StripeException e) {
            return answerTo(e);
        }
        if (intent == null) {
            return RefundAnswer.failed(null, "Stripe has no card payment for this top-up to refund.");
        }
        try {
            Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder()
                            .setPaymentIntent(intent)
                            .setAmount(amount)
                            .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                            .putMetadata(ProviderRefund.INITIATED_KEY, order.idempotencyKey())
                            .build(),
                    RequestOptions.builder().setIdempotencyKey(order.idempotencyKey()).build());
            return answerOf(refund);
        } catch (StripeException e) {
            return answerTo(e);
        }
    }

    RefundAnswer refundResult(String refundReference) {
        try {
            return answerOf(stripe.v1().refunds().retrieve(refundReference));
        } catch (StripeException e) {
            log.warn("Stripe could not be asked about refund {}: {}", refundReference, describe(e));
            return RefundAnswer.unknown(refundReference, "Stripe could not tell us the refund's outcome yet.");
        }
    }

    /** {@code pi_...} as it is; a Checkout Session's PaymentIntent read from the session. */
    private @Nullable String paymentIntentOf(String reference) throws StripeException {
        if (!reference.startsWith("cs_")) {
            return reference;
        }
        Session session = stripe.v1().checkout().sessions().retrieve(reference);
        return session.getPaymentIntent();
    }

    static RefundAnswer answerOf(Refund refund) {
        String status = refund.getStatus() == null ? "" : refund.getStatus();
        return switch (status) {
            case "succeeded" -> RefundAnswer.succeeded(refund.getId());
            case "pending", "requires_action" -> RefundAnswer.pending(refund.getId(),
                    "Stripe is processing the refund.");
            case "failed", "canceled" -> RefundAnswer.failed(refund.getId(), failureReason(refund.getFailureReason()));
            default -> RefundAnswer.unknown(refund.getId(), "Stripe reported the refund as " + status + ".");
        };
    }

    /** Customer-safe words for Stripe's {@code failure_reason}. */
    static String failureReason(@Nullable String reason) {
        return switch (reason == null ? "" : reason) {
            case "expired_or_canceled_card", "lost_or_stolen_card" ->
                    "The card can no longer take refunds (expired, cancelled, lost or stolen).";
            case "charge_for_pending_refund_disputed" -> "The payment was disputed while the refund was pending.";
            case "insufficient_funds" -> "Stripe could not fund the refund.";
            default -> "Stripe could not refund it.";
        };
    }

    /**
     * No answer (timeout, reset, 5xx, 429, 409) is UNKNOWN: the refund may exist, and the same key asks again. A key
     * reused with other parameters is UNKNOWN too, for Finance. Any other refusal (4xx: more than is left to refund,
     * a payment too old) means no refund was made.
     */
    private static RefundAnswer answerTo(StripeException e) {
        log.warn("Stripe refund call failed: {}", describe(e));
        Integer status = e.getStatusCode();
        if (e instanceof ApiConnectionException || e instanceof IdempotencyException || status == null
                || status >= 500 || status == 429 || status == 409) {
            return RefundAnswer.unknown(null, "Stripe did not answer; the refund is checked again.");
        }
        if ("charge_already_refunded".equals(e.getCode())) {
            return RefundAnswer.failed(null, "Stripe says this payment is refunded already.");
        }
        return RefundAnswer.failed(null, "Stripe refused the refund (for example, more than is left to refund, or "
                + "a payment too old to refund).");
    }
}
