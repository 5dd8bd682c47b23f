package dev.billfold.payment;

import dev.billfold.paymentmethod.PaymentMethodId;

/**
 * How the customer chose to pay: a {@link MethodKind} with what that kind needs. Comes from the client, so the service
 * checks every part of it. The kind is what the payment keeps; the choice lives only as long as the request.
 */
public sealed interface MethodChoice {

    MethodKind kind();

    /** One of the payer's saved methods, by our id (not the provider's token). */
    record Saved(PaymentMethodId methodId) implements MethodChoice {
        @Override
        public MethodKind kind() {
            return MethodKind.SAVED_METHOD;
        }
    }

    record Invoice() implements MethodChoice {
        @Override
        public MethodKind kind() {
            return MethodKind.INVOICE;
        }
    }

    record Checkout(String provider) implements MethodChoice {
        @Override
        public MethodKind kind() {
            return MethodKind.CHECKOUT;
        }
    }

    /**
     * A payment approved on the customer's phone (M-Pesa's push), with the number they typed; the service normalises
     * and checks it. In the method list the number is empty.
     */
    record Phone(String provider, String phone) implements MethodChoice {
        @Override
        public MethodKind kind() {
            return MethodKind.CHECKOUT;
        }
    }
}
