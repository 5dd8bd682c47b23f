package dev.billfold.payment;

import dev.billfold.account.PayerId;
import org.jspecify.annotations.Nullable;

/**
 * A top-up as the customer asked for it. The amount is the text they typed; parsing it is the service's job, so that
 * the UI and the API give the same messages.
 *
 * @param requestKey a key the client makes once per form; a repeated submit with it returns the first payment
 * @param quote      the price the customer confirmed for paying in another currency (DD-096); then the quote's amounts
 *                   are the top-up's and {@code amount} is not read
 */
public record TopUpRequest(PayerId payerId, String amount, MethodChoice method, boolean saveMethod, String requestKey,
                           @Nullable QuoteId quote) {

    /** A top-up in the account's own currency. */
    public TopUpRequest(PayerId payerId, String amount, MethodChoice method, boolean saveMethod, String requestKey) {
        this(payerId, amount, method, saveMethod, requestKey, null);
    }

    /**
     * The longest amount text that is read at all. Any amount the columns hold fits ("999,999,999,999,999.9999" is
     * 24), and parsing stays cheap: BigDecimal's parsing and stripTrailingZeros (quadratic before JDK 24) grow with
     * the digits.
     */
    public static final int AMOUNT_MAX_LENGTH = 32;

    /** The payment's idempotency key for a request key: other features use it to find the payment a request made. */
    public static String idempotencyKeyFor(String requestKey) {
        return "topup:" + requestKey;
    }
}
