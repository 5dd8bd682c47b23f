package dev.billfold.fxrate;

import dev.billfold.base.InvalidRequestException;

/** No fresh rate for a pair: paying in that currency is off until the next fetch brings one. */
public class RateUnavailableException extends InvalidRequestException {

    public RateUnavailableException(String message) {
        super("currency", message);
    }
}
