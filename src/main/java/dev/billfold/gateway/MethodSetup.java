package dev.billfold.gateway;

/** A provider that can save a method without a payment (DD-021). */
public interface MethodSetup extends PaymentGateway {

    /**
     * Opens the provider's hosted page for saving a method without paying. The customer is sent to
     * {@link CheckoutSession#redirectUrl()}; the reference is the one {@link #setupResult} takes.
     */
    CheckoutSession startSetup(SetupRequest request);

    /**
     * Asks the provider what happened to a setup: SUCCEEDED with the saved method, PENDING while the customer is still
     * on the page, CANCELLED or DECLINED when it ended without a method, UNKNOWN when we could not find out.
     */
    GatewayResult setupResult(String setupReference);
}
