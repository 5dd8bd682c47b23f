package dev.billfold.paymentmethod;

/** A confirmed method the current user may charge, with the token the provider needs. Never leaves the services. */
public record ChargeableMethod(PaymentMethodId id, String provider, String providerToken, String label) {
}
