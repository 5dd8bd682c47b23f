package dev.billfold.gateway;

/** An opened checkout: the provider's reference for it and where to send the customer. */
public record CheckoutSession(String reference, String redirectUrl) {
}
