package dev.billfold.gateway.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.param.DisputeListParams;
import com.stripe.param.RefundListParams;
import dev.billfold.base.Money;
import dev.billfold.gateway.ConditionalOnProvider;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stripe's refunds and disputes in our words: a Refund's status as {@link ProviderRefund.State}, a Dispute's as
 * {@link ProviderDispute.State}, each naming the payment by our key (the PaymentIntent's metadata) and the
 * PaymentIntent. Used by the webhook processor and, as {@link RefundLookup}, by the poller.
 */
@Component
@ConditionalOnProvider(StripeGatewayProperties.SECRET_KEY)
class StripeReversals {

    private static final Logger log = LoggerFactory.getLogger(StripeReversals.class);
    /** Stripe lists at most 100 per page; more refunds or disputes than that of one payment do not happen. */
    private static final long PAGE = 100;

    private final StripeClient stripe;

    StripeReversals(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** Our payment key, from the PaymentIntent's metadata (a Charge or Refund does not carry it). */
    @Nullable String keyOfIntent(String paymentIntentId) throws StripeException {
        PaymentIntent intent = stripe.v1().paymentIntents().retrieve(paymentIntentId);
        return metadata(intent.getMetadata(), StripeGateway.METADATA_KEY);
    }

    /** Every refund of the PaymentIntent, as Stripe has them now. */
    List<Refund> refundsOfIntent(String paymentIntentId) throws StripeException {
        return stripe.v1().refunds().list(RefundListParams.builder().setPaymentIntent(paymentIntentId)
                .setLimit(PAGE).build()).getData();
    }

    /**
     * The refunds and disputes of the payment we know by {@code reference}: a Checkout Session (whose PaymentIntent is
     * asked) or the PaymentIntent of an off-session charge. Empty when Stripe could not be asked.
     */
    Optional<RefundLookup.Reversals> reversalsOf(String reference) {
        try {
            String intentId = reference;
            String key = null;
            if (reference.startsWith("cs_")) {
                Session session = stripe.v1().checkout().sessions().retrieve(reference);
                key = metadata(session.getMetadata(), StripeGateway.METADATA_KEY);
                intentId = session.getPaymentIntent();
                if (intentId == null) {
                    return Optional.of(RefundLookup.Reversals.none());
                }
            }
            List<ProviderRefund> refunds = new ArrayList<>();
            for (Refund refund : refundsOfIntent(intentId)) {
                ProviderRefund news = refund(refund, key, reference);
                if (news != null) {
                    refunds.add(news);
                }
            }
            List<ProviderDispute> disputes = new ArrayList<>();
            for (Dispute dispute : stripe.v1().disputes().list(DisputeListParams.builder()
                    .setPaymentIntent(intentId).setLimit(PAGE).build()).getData()) {
                ProviderDispute news = dispute(dispute, key, reference);
                if (news != null) {
                    disputes.add(news);
                }
            }
            return Optional.of(new RefundLookup.Reversals(refunds, disputes));
        } catch (StripeException e) {
            log.warn("Stripe could not be asked about the refunds of {}: {}", reference, StripeResults.describe(e));
            return Optional.empty();
        }
    }

    /** A Stripe Refund as our news; null when it is not money (no amount, an unknown currency). */
    static @Nullable ProviderRefund refund(Refund refund, @Nullable String key, @Nullable String reference) {
        Money amount = StripeResults.reportedAmount(refund.getAmount(), refund.getCurrency());
        String paymentReference = reference != null ? reference : refund.getPaymentIntent();
        if (amount == null || !amount.isPositive() || (key == null && paymentReference == null)) {
            log.warn("Stripe refund {} names no amount or payment; ignored", refund.getId());
            return null;
        }
        ProviderRefund.State state = switch (String.valueOf(refund.getStatus())) {
            case "succeeded" -> ProviderRefund.State.SUCCEEDED;
            case "failed" -> ProviderRefund.State.FAILED;
            case "canceled" -> ProviderRefund.State.CANCELLED;
            // pending, requires_action: accepted, not yet back with the cardholder.
            default -> ProviderRefund.State.PENDING;
        };
        String reason = state == ProviderRefund.State.FAILED || state == ProviderRefund.State.CANCELLED
                ? failureReason(refund.getFailureReason()) : refundReason(refund.getReason());
        return new ProviderRefund(key, paymentReference, refund.getId(), amount, state, reason,
                metadata(refund.getMetadata(), ProviderRefund.INITIATED_KEY));
    }

    /** A Stripe Dispute as our news; null when it is not money. */
    static @Nullable ProviderDispute dispute(Dispute dispute, @Nullable String key, @Nullable String reference) {
        Money amount = StripeResults.reportedAmount(dispute.getAmount(), dispute.getCurrency());
        String paymentReference = reference != null ? reference : dispute.getPaymentIntent();
        if (amount == null || !amount.isPositive() || (key == null && paymentReference == null)) {
            log.warn("Stripe dispute {} names no amount or payment; ignored", dispute.getId());
            return null;
        }
        String status = String.valueOf(dispute.getStatus());
        ProviderDispute.State state = switch (status) {
            case "won" -> ProviderDispute.State.WON;
            // An inquiry closed without a chargeback: the money was never taken for good.
            case "warning_closed" -> ProviderDispute.State.WON;
            case "lost" -> ProviderDispute.State.LOST;
            default -> ProviderDispute.State.OPEN;
        };
        return new ProviderDispute(key, paymentReference, dispute.getId(), amount, state, statusText(status),
                dispute.getReason() == null ? null : dispute.getReason().replace('_', ' '));
    }

    /** "needs_response" as the customer reads it: "needs response". */
    private static String statusText(String status) {
        return status.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static @Nullable String refundReason(@Nullable String reason) {
        return reason == null ? null : switch (reason) {
            case "requested_by_customer" -> "Refunded at the payer's request.";
            case "duplicate" -> "Refunded as a duplicate payment.";
            case "fraudulent" -> "Refunded as fraudulent.";
            default -> "Refunded by the provider.";
        };
    }

    private static String failureReason(@Nullable String reason) {
        return reason == null ? "The refund could not be completed." : switch (reason) {
            case "expired_or_canceled_card", "lost_or_stolen_card" ->
                    "The refund could not go back to the card: it is expired, cancelled, lost or stolen.";
            case "charge_for_pending_refund_disputed" -> "The payment was disputed while the refund was pending.";
            case "insufficient_funds" -> "The refund could not be completed: insufficient funds at the provider.";
            default -> "The refund could not be completed.";
        };
    }

    static @Nullable String metadata(@Nullable Map<String, String> metadata, String name) {
        String value = metadata == null ? null : metadata.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
