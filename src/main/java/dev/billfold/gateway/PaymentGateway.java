package dev.billfold.gateway;

import java.time.Duration;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A payment provider: demo, Stripe, PayPal. Every call that can move money carries the caller's idempotency key, so a
 * retry after a timeout reuses it. Results are explicit: {@link GatewayResult.Status#PENDING} when the provider has
 * not decided yet, {@link GatewayResult.Status#UNKNOWN} when we could not find out (timeout, 5xx) and the money may
 * have moved. Implementations do not throw for provider-side outcomes; they throw only for programming errors.
 */
public interface PaymentGateway {

    /** Stable id stored with payments and methods: "demo", "stripe", "paypal". */
    String id();

    /** What the customer sees in the method list. */
    String displayName();

    /** Opens a hosted checkout. The customer is sent to {@link CheckoutSession#redirectUrl()}. */
    CheckoutSession startCheckout(CheckoutRequest request);

    /** Asks the provider what happened to a checkout; the return redirect's query string is never trusted. */
    GatewayResult checkoutResult(String checkoutReference);

    /** Charges a saved method off-session. */
    GatewayResult chargeSavedMethod(ChargeRequest request);

    /**
     * How long after a charge the provider still answers the same request with the same idempotency key by replaying
     * the first result instead of charging again. Past it, re-sending could charge twice, so nobody may. ZERO (the
     * default) for a provider that does not replay: a lost charge of it is never re-sent.
     */
    default Duration chargeReplayWindow() {
        return Duration.ZERO;
    }

    /**
     * Learns the outcome of an off-session charge whose answer was lost or not final. With the provider's reference
     * (the charge, PaymentIntent or order it named) it asks about that charge and moves no new money. Without one it
     * re-sends the very same {@code request}, which the provider answers with the first result; callers do that only
     * within {@link #chargeReplayWindow()} of the first attempt. The answer is as explicit as a charge's: PENDING,
     * UNKNOWN when it still cannot be told.
     */
    default GatewayResult chargeResult(ChargeRequest request, @Nullable String chargeReference) {
        return GatewayResult.unknown(chargeReference, "This provider cannot be asked about a charge.");
    }

    /**
     * Starts what the customer must do for a saved-method charge that waits for them
     * ({@link GatewayResult#customerAction()}): PENDING with an action whose redirect URL is where to send the
     * customer, or, when nothing is left for them to do, the charge's outcome as {@link #customerActionResult} gives
     * it. Never moves money twice: the provider's charge is confirmed again, not created again.
     */
    default GatewayResult startCustomerAction(CustomerActionRequest request) {
        throw new UnsupportedOperationException(id() + " has no customer actions");
    }

    /** Asks the provider about a saved-method charge by its reference, when the customer is back from acting on it. */
    default GatewayResult customerActionResult(String chargeReference) {
        return GatewayResult.unknown(chargeReference, "The provider cannot be asked about this payment yet.");
    }

    /** Whether {@link #cancelCharge} works; without it, a charge left waiting for its customer is held (DD-035). */
    default boolean supportsChargeCancel() {
        return false;
    }

    /**
     * Cancels a saved-method charge that still waits for its customer, so that it can never succeed later (DD-043).
     * CANCELLED when the provider cancelled it (now, or earlier); when it could not be cancelled because it was already
     * decided, the charge's outcome as {@link #customerActionResult} gives it (SUCCEEDED, DECLINED, or PENDING while
     * the provider is still processing the customer's confirmation); UNKNOWN when the provider could not be reached
     * and another try may pass. DECLINED with a reason when the provider has no such charge (confirmed by a read), so
     * nothing can have been taken through it; PENDING without an action when it refused for a reason another try
     * cannot change (DD-048). Carries {@code idempotencyKey}, so a retried request is one cancel.
     */
    default GatewayResult cancelCharge(String idempotencyKey, String chargeReference) {
        throw new UnsupportedOperationException(id() + " cannot cancel a charge");
    }

    /** Whether {@link #startSetup} works: saving a method without a payment. */
    default boolean supportsSetup() {
        return false;
    }

    /**
     * Opens the provider's hosted page for saving a method without paying. The customer is sent to
     * {@link CheckoutSession#redirectUrl()}; the reference is the one {@link #setupResult} takes.
     */
    default CheckoutSession startSetup(SetupRequest request) {
        throw new UnsupportedOperationException(id() + " cannot save a method without a payment");
    }

    /**
     * Asks the provider what happened to a setup: SUCCEEDED with the saved method, PENDING while the customer is still
     * on the page, CANCELLED or DECLINED when it ended without a method, UNKNOWN when we could not find out.
     */
    default GatewayResult setupResult(String setupReference) {
        throw new UnsupportedOperationException(id() + " cannot save a method without a payment");
    }

    /**
     * Removes a saved method at the provider, so that it can never be charged again. Returns true when the provider no
     * longer keeps it (detached now, or it was already gone), false when that could not be done now (provider
     * unreachable); the caller then changes nothing and the customer tries again.
     */
    default boolean detachMethod(String methodToken) {
        return false;
    }

    /** Whether this provider takes payments in the currency; one that does not is not offered for it at all. */
    default boolean supports(Currency currency) {
        return true;
    }
}
