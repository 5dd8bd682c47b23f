package dev.billfold.fxrate;

/** A feed that could not be read or did not parse; the rates fetched before it stay in use until they are stale. */
public class RateFeedException extends RuntimeException {

    public RateFeedException(String message) {
        super(message);
    }

    public RateFeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
