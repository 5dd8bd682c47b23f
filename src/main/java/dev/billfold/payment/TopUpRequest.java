package dev.billfold.payment;

import dev.billfold.account.PayerId;

/**
 * A top-up as the customer asked for it. The amount is the text they typed; parsing it is the service's job, so that
 * the UI and the API give the same messages.
 *
 * @param requestKey a key the client makes once per form; a repeated submit with it returns the first payment
 */
public record TopUpRequest(PayerId payerId, String amount, MethodChoice method, boolean saveMethod, String requestKey) {

    /** The payment's idempotency key for a request key: other features use it to find the payment a request made. */
    public static String idempotencyKeyFor(String requestKey) {
        return "topup:" + requestKey;
    }
}
