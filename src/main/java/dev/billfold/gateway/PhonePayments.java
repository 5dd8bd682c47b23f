package dev.billfold.gateway;

import dev.billfold.base.Money;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A provider that asks the customer's phone to approve a payment (M-Pesa's STK push) instead of opening a hosted page.
 * The push answers PENDING with the provider's reference; the outcome is learnt later through
 * {@link #checkoutResult}, which the callback, the waiting page and the poller all ask (DD-088).
 */
public interface PhonePayments extends PaymentGateway {

    /** Shown on the phone while the provider waits for the customer's PIN. */
    String CHECK_YOUR_PHONE = "Check your phone and enter your M-Pesa PIN.";
    /** The customer said no on their phone. */
    String CANCELLED_ON_PHONE = "You cancelled the M-Pesa request on your phone. Nothing was charged.";

    /** What the customer sees in the method list for the phone payment, e.g. "M-Pesa". */
    String phoneMethodName();

    /** Whether the phone payment is offered for an account in this currency. */
    boolean takesPhonePayments(Currency currency);

    /** False for a provider whose only payment is the push: it gets no hosted-checkout entry in the method list. */
    default boolean offersHostedCheckout() {
        return false;
    }

    /**
     * The method's own limits on one payment, checked before anything is created: an amount it cannot take is refused
     * with an {@link dev.billfold.base.InvalidRequestException} on "amount" that says what it takes.
     */
    void checkAmount(Money amount);

    /** The most one account may pay with this method in a day, if it has such a cap. */
    @Nullable Money dailyMaximum(Currency currency);

    /**
     * Sends the push. A repeated request with the same idempotency key never pushes again: it answers what the first
     * one learnt. PENDING with the provider's reference once the phone was asked; DECLINED when the provider refused
     * the request; UNKNOWN when its answer was lost (the payment waits for the callback or the poller).
     */
    PhonePush pushToPhone(PhonePushRequest request);

    /**
     * @param result        the provider's answer to the push
     * @param simulatorPath for the demo provider only: our own path of its simulated phone; null for a real phone
     */
    record PhonePush(GatewayResult result, @Nullable String simulatorPath) {
    }
}
