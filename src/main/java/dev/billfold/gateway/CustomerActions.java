package dev.billfold.gateway;

/** A provider whose saved-method charges can wait for the customer to act on-session, e.g. 3-D Secure (DD-037). */
public interface CustomerActions extends PaymentGateway {

    /**
     * Starts what the customer must do for a saved-method charge that waits for them
     * ({@link GatewayResult#customerAction()}): PENDING with an action whose redirect URL is where to send the
     * customer, or, when nothing is left for them to do, the charge's outcome as {@link #customerActionResult} gives
     * it. Never moves money twice: the provider's charge is confirmed again, not created again.
     */
    GatewayResult startCustomerAction(CustomerActionRequest request);

    /** Asks the provider about a saved-method charge by its reference, when the customer is back from acting on it. */
    GatewayResult customerActionResult(String chargeReference);
}
