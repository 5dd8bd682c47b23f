package dev.billfold.gateway;

import java.util.Currency;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A payment provider: demo, Stripe, PayPal. Every call that can move money carries the caller's idempotency key, so a
 * retry after a timeout reuses it. Results are explicit: {@link GatewayResult.Status#PENDING} when the provider has
 * not decided yet, {@link GatewayResult.Status#UNKNOWN} when we could not find out (timeout, 5xx) and the money may
 * have moved. Implementations do not throw for provider-side outcomes; they throw only for programming errors.
 * <p>
 * Everything beyond a checkout and a saved-method charge is a capability interface that a provider implements only
 * when it has it, so the compiler says what each provider can do; callers ask with {@link #as}.
 */
public interface PaymentGateway {

    /** Stable id stored with payments and methods: "demo", "stripe", "paypal". */
    String id();

    /** What the customer sees in the method list. */
    String displayName();

    /**
     * What the history calls a checkout of this provider with this reference (null before it had one): a provider
     * with more than one kind of checkout (the demo's card page and its phone) says which.
     */
    default String checkoutLabel(@Nullable String checkoutReference) {
        return displayName();
    }

    /** Opens a hosted checkout. The customer is sent to {@link CheckoutSession#redirectUrl()}. */
    CheckoutSession startCheckout(CheckoutRequest request);

    /** Asks the provider what happened to a checkout; the return redirect's query string is never trusted. */
    GatewayResult checkoutResult(String checkoutReference);

    /** Charges a saved method off-session. */
    GatewayResult chargeSavedMethod(ChargeRequest request);

    /**
     * Removes a saved method at the provider, so that it can never be charged again. Returns true when the provider no
     * longer keeps it (detached now, or it was already gone), false when that could not be done now (provider
     * unreachable); the caller then changes nothing and the customer tries again.
     */
    boolean detachMethod(String methodToken);

    /** What kind of method this provider's payments are; the countries' method rules go by it (DD-091). */
    default MethodFamily family() {
        return MethodFamily.CARD;
    }

    /** Whether this provider takes payments in the currency; one that does not is not offered for it at all. */
    default boolean supports(Currency currency) {
        return true;
    }

    /**
     * This provider as one of its capabilities ({@link ChargeLookup}, {@link CustomerActions},
     * {@link ChargeCancellation}, {@link MethodSetup}), if it has it. What a provider can do is what it implements.
     */
    default <C extends PaymentGateway> Optional<C> as(Class<C> capability) {
        return capability.isInstance(this) ? Optional.of(capability.cast(this)) : Optional.empty();
    }
}
