package dev.billfold.gateway.demo;

import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayRegistry;

/**
 * Plays the merchant on the demo provider's dashboard, for tests that do not drive a browser: the same refunds and
 * disputes its buttons make. Billfold learns them only by asking, as it would a real provider.
 */
public final class DemoMerchant {

    private final DemoProvider provider;

    public DemoMerchant(GatewayRegistry gateways) {
        this.provider = gateways.require(DemoGateway.ID).as(DemoGateway.class).orElseThrow().provider();
    }

    /** Refunds part or all of a paid checkout or charge; its refund id. */
    public String refund(String paymentRef, String amount, boolean pending) {
        DemoProvider.PaidRow paid = provider.findPaid(paymentRef).orElseThrow();
        return provider.refund(paymentRef, Money.of(new java.math.BigDecimal(amount), paid.amount().currency()),
                        pending, null)
                .orElseThrow(() -> new IllegalStateException("The demo provider refused the refund")).id();
    }

    /** Whether the provider refused that refund (more than is left, not paid). */
    public boolean refuses(String paymentRef, String amount) {
        DemoProvider.PaidRow paid = provider.findPaid(paymentRef).orElse(null);
        return paid == null || provider.refund(paymentRef,
                Money.of(new java.math.BigDecimal(amount), paid.amount().currency()), false, null).isEmpty();
    }

    public void completeRefund(String refundId) {
        if (!provider.settleRefund(refundId, true)) {
            throw new IllegalStateException("Refund " + refundId + " is not pending");
        }
    }

    public void failRefund(String refundId) {
        if (!provider.settleRefund(refundId, false)) {
            throw new IllegalStateException("Refund " + refundId + " is not pending");
        }
    }

    /** The cardholder disputes the whole payment; the dispute's id. */
    public String dispute(String paymentRef) {
        return provider.openDispute(paymentRef).orElseThrow(() -> new IllegalStateException("Not disputable")).id();
    }

    public void decideDispute(String disputeId, boolean won) {
        if (!provider.closeDispute(disputeId, won)) {
            throw new IllegalStateException("Dispute " + disputeId + " is not open");
        }
    }
}
