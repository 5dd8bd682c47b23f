package dev.billfold.payment;

import dev.billfold.base.InvalidRequestException;

/** A top-up confirmed with a quote past its expiry: nothing is created; the customer gets a new quote to confirm. */
public class QuoteExpiredException extends InvalidRequestException {

    public QuoteExpiredException(String message) {
        super("quote", message);
    }
}
