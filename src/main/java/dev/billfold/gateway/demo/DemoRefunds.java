package dev.billfold.gateway.demo;

import dev.billfold.gateway.RefundAnswer;
import dev.billfold.gateway.RefundOrder;

/**
 * Refunds Billfold starts on the demo provider: the provider's own refund of the checkout or charge, keyed by our
 * part's key (a repeat answers the first refund), refused like a real provider's when more than is left would go
 * back. A payment made with a card ending {@link #PENDING_LAST4} (Stripe's "refund fails asynchronously" test card)
 * gets a refund that stays pending until the demo dashboard completes or fails it, so that path shows without keys.
 */
final class DemoRefunds {

    static final String PENDING_LAST4 = "5126";

    private final DemoProvider provider;

    DemoRefunds(DemoProvider provider) {
        this.provider = provider;
    }

    RefundAnswer refund(RefundOrder order) {
        boolean pending = provider.cardLast4Of(order.paymentReference()).filter(PENDING_LAST4::equals).isPresent();
        return provider.refund(order.paymentReference(), order.amount(), pending, order.idempotencyKey())
                .map(DemoRefunds::answerOf)
                .orElseGet(() -> RefundAnswer.failed(null, "The demo provider refused the refund: the payment is not "
                        + "paid, or less than that is left to refund."));
    }

    RefundAnswer refundResult(String paymentReference, String refundReference) {
        return provider.refundsOf(paymentReference).stream().filter(r -> r.id().equals(refundReference)).findFirst()
                .map(DemoRefunds::answerOf)
                .orElseGet(() -> RefundAnswer.unknown(refundReference, "The demo provider does not know this refund."));
    }

    private static RefundAnswer answerOf(DemoProvider.RefundRow refund) {
        return switch (refund.status()) {
            case "SUCCEEDED" -> RefundAnswer.succeeded(refund.id());
            case "FAILED" -> RefundAnswer.failed(refund.id(), "The demo provider could not complete the refund.");
            default -> RefundAnswer.pending(refund.id(), "The demo provider is processing the refund.");
        };
    }
}
