package dev.billfold.payment;

import dev.billfold.paymentmethod.PaymentMethodId;

/** How the customer chose to pay. Comes from the client, so the service checks every part of it. */
public sealed interface MethodChoice {

    record SavedMethod(PaymentMethodId methodId) implements MethodChoice {
    }

    record Invoice() implements MethodChoice {
    }

    record Checkout(String provider) implements MethodChoice {
    }
}
