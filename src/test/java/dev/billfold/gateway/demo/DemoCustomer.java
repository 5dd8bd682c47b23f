package dev.billfold.gateway.demo;

import dev.billfold.gateway.GatewayRegistry;

/**
 * Plays the customer on the demo provider's hosted page, for tests that do not drive a browser: the same state
 * change the page's buttons make.
 */
public final class DemoCustomer {

    private final DemoProvider provider;

    public DemoCustomer(GatewayRegistry gateways) {
        this.provider = gateways.require(DemoGateway.ID).as(DemoGateway.class).orElseThrow().provider();
    }

    public void pay(String checkoutId) {
        act(checkoutId, DemoCheckoutAction.PAY, DemoCard.VISA_OK);
    }

    /** Pays with the demo's test Visa issued in Russia (refused for Kenyan accounts by default). */
    public void payWithCardFromRussia(String checkoutId) {
        act(checkoutId, DemoCheckoutAction.PAY, DemoCard.VISA_RUSSIA);
    }

    /** Saves the demo's test Visa issued in Russia on the setup page. */
    public void saveCardFromRussia(String setupId) {
        setup(setupId, DemoSetupAction.SAVE, DemoCard.VISA_RUSSIA);
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

    /** Saves the test Visa on the setup page. */
    public void saveCard(String setupId) {
        setup(setupId, DemoSetupAction.SAVE, DemoCard.VISA_OK);
    }

    public void saveDecliningCard(String setupId) {
        setup(setupId, DemoSetupAction.SAVE, DemoCard.VISA_DECLINED);
    }

    public void declineSetup(String setupId) {
        setup(setupId, DemoSetupAction.DECLINE, null);
    }

    public void leaveSetupPending(String setupId) {
        setup(setupId, DemoSetupAction.LEAVE_PENDING, null);
    }

    /** Answers the M-Pesa prompt on the demo phone, as its Approve or Decline button does before it calls back. */
    public void answerOnPhone(String pushId, boolean approved) {
        if (!provider.answerOnPhone(pushId, approved)) {
            throw new IllegalStateException("Push " + pushId + " is not open");
        }
    }

    /** Confirms a saved-card charge on the demo bank's authentication page. */
    public void authenticate(String chargeId) {
        if (!provider.completeAuthentication(chargeId, true)) {
            throw new IllegalStateException("Charge " + chargeId + " does not wait for its cardholder");
        }
    }

    public void failAuthentication(String chargeId) {
        if (!provider.completeAuthentication(chargeId, false)) {
            throw new IllegalStateException("Charge " + chargeId + " does not wait for its cardholder");
        }
    }

    /** Whether the demo provider still keeps the card for charges. */
    public boolean cardDetached(String token) {
        return provider.isDetached(token);
    }

    private void setup(String setupId, DemoSetupAction action, DemoCard card) {
        if (!provider.completeSetup(setupId, action, card)) {
            throw new IllegalStateException("Setup " + setupId + " is not open");
        }
    }

    private void act(String checkoutId, DemoCheckoutAction action, DemoCard card) {
        if (!provider.completeCheckout(checkoutId, action, card)) {
            throw new IllegalStateException("Checkout " + checkoutId + " is not open");
        }
    }
}
