package dev.billfold.base;

import org.jspecify.annotations.Nullable;

/**
 * Bad input from a customer or a caller: an amount out of limits, an id that is not theirs, a forged return. The
 * message is safe to show as it is, and nothing was changed.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String message) {
        this(null, message);
    }

    public InvalidRequestException(@Nullable String field, String message) {
        super(message);
        this.field = field == null ? "" : field;
    }

    /** The input the message is about ("amount", "method", ...), or empty when it is about the request as a whole. */
    public String field() {
        return field;
    }
}
