package dev.billfold.gateway.demo;

import dev.billfold.gateway.GatewayRegistry;

/**
 * Plays the customer on the demo provider's hosted page, for tests that do not drive a browser: the same state
 * change the page's buttons make.
 */
public final class DemoCustomer {

    private final DemoGateway gateway;

    public DemoCustomer(GatewayRegistry gateways) {
        this.gateway = (DemoGateway) gateways.require(DemoGateway.ID);
    }

    public void pay(String checkoutId) {
        act(checkoutId, DemoCheckoutAction.PAY, DemoCard.VISA_OK);
    }

    public void payWithDecliningCard(String checkoutId) {
        act(checkoutId, DemoCheckoutAction.PAY, DemoCard.VISA_DECLINED);
    }

    public void decline(String checkoutId) {
        act(checkoutId, DemoCheckoutAction.DECLINE, null);
    }

    public void cancel(String checkoutId) {
        act(checkoutId, DemoCheckoutAction.CANCEL, null);
    }

    public void leavePending(String checkoutId) {
        act(checkoutId, DemoCheckoutAction.LEAVE_PENDING, null);
    }

    private void act(String checkoutId, DemoCheckoutAction action, DemoCard card) {
        if (!gateway.completeCheckout(checkoutId, action, card)) {
            throw new IllegalStateException("Checkout " + checkoutId + " is not open");
        }
    }
}
