package dev.billfold.gateway;

/**
 * A provider that can cancel a saved-method charge still waiting for its customer, so that it can never succeed later
 * (DD-043). Without it, such a charge is held for clarification instead (DD-035).
 */
public interface ChargeCancellation extends PaymentGateway {

    /**
     * CANCELLED when the provider cancelled it (now, or earlier); when it could not be cancelled because it was already
     * decided, the charge's outcome as {@link CustomerActions#customerActionResult} gives it (SUCCEEDED, DECLINED, or
     * PENDING while the provider is still processing the customer's confirmation); UNKNOWN when the provider could not
     * be reached and another try may pass. DECLINED with a reason when the provider has no such charge (confirmed by a
     * read), so nothing can have been taken through it; PENDING without an action when it refused for a reason another
     * try cannot change (DD-048). Carries {@code idempotencyKey}, so a retried request is one cancel.
     */
    GatewayResult cancelCharge(String idempotencyKey, String chargeReference);
}
