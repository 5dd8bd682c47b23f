package dev.billfold.gateway.paypal;

import com.paypal.sdk.PaypalServerSdkClient;
import com.paypal.sdk.exceptions.ApiException;
import com.paypal.sdk.exceptions.ErrorException;
import com.paypal.sdk.models.CapturedPayment;
import com.paypal.sdk.models.GetCapturedPaymentInput;
import com.paypal.sdk.models.GetOrderInput;
import com.paypal.sdk.models.GetRefundInput;
import com.paypal.sdk.models.LinkDescription;
import com.paypal.sdk.models.Order;
import com.paypal.sdk.models.Refund;
import com.paypal.sdk.models.RefundStatus;
import dev.billfold.base.Money;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundLookup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PayPal's refunds and reversals in our words. A webhook only names a refund; the refund is read from PayPal, and so
 * is the capture it belongs to, whose custom id is our payment key and whose order is the reference we stored: a
 * forged or stale event body can never name another payment or another amount than PayPal's own records (DD-070).
 */
class PayPalReversals {

    private static final Logger log = LoggerFactory.getLogger(PayPalReversals.class);
    static final String REVERSED = "reversed";

    private final PaypalServerSdkClient client;

    PayPalReversals(PaypalServerSdkClient client) {
        this.client = client;
    }

    /** A refund read from PayPal with its capture, or why not. */
    sealed interface RefundRead {
        record Found(ProviderRefund refund) implements RefundRead {
        }

        /** PayPal does not know it, or it names no capture or payment of ours. */
        record NotOurs(String why) implements RefundRead {
        }

        /** PayPal could not be asked now; the event comes again. */
        record Unknown() implements RefundRead {
        }
    }

    /** The refund with this id as PayPal has it now, naming its payment by the capture's custom id and order. */
    RefundRead readRefund(String refundId) {
        try {
            Refund refund = client.getPaymentsController().getRefund(new GetRefundInput.Builder(refundId).build())
                    .getResult();
            String captureId = captureOf(refund);
            if (captureId == null) {
                return new RefundRead.NotOurs("refund names no capture");
            }
            CapturedPayment capture = client.getPaymentsController()
                    .getCapturedPayment(new GetCapturedPaymentInput.Builder(captureId).build()).getResult();
            String key = blankToNull(capture.getCustomId());
            String orderId = capture.getSupplementaryData() == null
                    || capture.getSupplementaryData().getRelatedIds() == null ? null
                    : blankToNull(capture.getSupplementaryData().getRelatedIds().getOrderId());
            ProviderRefund news = refund(refund, key, orderId);
            return news == null ? new RefundRead.NotOurs("refund names no amount or payment")
                    : new RefundRead.Found(news);
        } catch (ErrorException e) {
            if (e.getResponseCode() == 404) {
                return new RefundRead.NotOurs("PayPal does not know refund " + refundId);
            }
            log.warn("PayPal refund {} could not be read: HTTP {}", refundId, e.getResponseCode());
            return new RefundRead.Unknown();
        } catch (ApiException | IOException | RuntimeException e) {
            log.warn("PayPal refund {} could not be read: {}", refundId, e.toString());
            return new RefundRead.Unknown();
        }
    }

    /**
     * A capture reversed by PayPal (a chargeback or a reversal the buyer won): the money is gone, so it is a dispute
     * that is already lost, keyed by the reversal's own id.
     */
    static ProviderDispute reversal(ProviderRefund read) {
        return new ProviderDispute(read.paymentKey(), read.paymentReference(), read.refundId(), read.amount(),
                ProviderDispute.State.LOST, REVERSED, "Reversed by PayPal");
    }

    /** The refunds of the order we know by {@code orderId}, as its purchase unit lists them; empty when not asked. */
    Optional<RefundLookup.Reversals> reversalsOf(String orderId) {
        try {
            Order order = client.getOrdersController().getOrder(new GetOrderInput.Builder(orderId).build())
                    .getResult();
            String key = PayPalGateway.customId(order).orElse(null);
            List<ProviderRefund> refunds = new ArrayList<>();
            if (order.getPurchaseUnits() != null && !order.getPurchaseUnits().isEmpty()
                    && order.getPurchaseUnits().getFirst().getPayments() != null
                    && order.getPurchaseUnits().getFirst().getPayments().getRefunds() != null) {
                for (Refund refund : order.getPurchaseUnits().getFirst().getPayments().getRefunds()) {
                    ProviderRefund news = refund(refund, key, orderId);
                    if (news != null) {
                        refunds.add(news);
                    }
                }
            }
            return Optional.of(new RefundLookup.Reversals(refunds, List.of()));
        } catch (ErrorException e) {
            if (e.getResponseCode() == 404) {
                return Optional.of(RefundLookup.Reversals.none());
            }
            return Optional.empty();
        } catch (ApiException | IOException | RuntimeException e) {
            log.warn("PayPal could not be asked about the refunds of order {}: {}", orderId, e.toString());
            return Optional.empty();
        }
    }

    static @Nullable ProviderRefund refund(Refund refund, @Nullable String key, @Nullable String orderId) {
        if (refund.getId() == null || refund.getAmount() == null || (key == null && orderId == null)) {
            return null;
        }
        Money amount;
        try {
            amount = Money.of(refund.getAmount().getValue(), refund.getAmount().getCurrencyCode());
        } catch (RuntimeException notMoney) {
            return null;
        }
        if (!amount.isPositive()) {
            return null;
        }
        RefundStatus status = refund.getStatus();
        ProviderRefund.State state;
        if (status == RefundStatus.COMPLETED) {
            state = ProviderRefund.State.SUCCEEDED;
        } else if (status == RefundStatus.FAILED) {
            state = ProviderRefund.State.FAILED;
        } else if (status == RefundStatus.CANCELLED) {
            state = ProviderRefund.State.CANCELLED;
        } else {
            state = ProviderRefund.State.PENDING;
        }
        String reason = switch (state) {
            case FAILED, CANCELLED -> "PayPal could not complete the refund.";
            case PENDING -> "PayPal is processing the refund.";
            case SUCCEEDED -> blankToNull(refund.getNoteToPayer());
        };
        return new ProviderRefund(key, orderId, refund.getId(), amount, state, reason,
                blankToNull(refund.getCustomId()));
    }

    /** The capture a refund belongs to: its "up" link ends in /captures/{id}. */
    private static @Nullable String captureOf(Refund refund) {
        if (refund.getLinks() == null) {
            return null;
        }
        for (LinkDescription link : refund.getLinks()) {
            String href = link.getHref();
            if ("up".equals(link.getRel()) && href != null && href.contains("/captures/")) {
                String id = href.substring(href.lastIndexOf("/captures/") + "/captures/".length());
                int end = id.indexOf('/');
                return blankToNull(end < 0 ? id : id.substring(0, end));
            }
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
