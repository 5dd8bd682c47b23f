package dev.billfold.base;

import org.jspecify.annotations.Nullable;

/**
 * Bad input from a customer or a caller: an amount out of limits, an id that is not theirs, a forged return. The
 * message is safe to show as it is, and nothing was changed.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;
    private final Texts.@Nullable Message text;

    public InvalidRequestException(String message) {
        this(null, message);
    }

    public InvalidRequestException(@Nullable String field, String message) {
        super(message);
        this.field = field == null ? "" : field;
        this.text = null;
    }

    /** A message from the bundles: English in {@link #getMessage()} (the API, the logs), the reader's in the UI. */
    protected InvalidRequestException(@Nullable String field, Texts.Message text) {
        super(Texts.shipped().text("en", text.key(), text.params()));
        this.field = field == null ? "" : field;
        this.text = text;
    }

    /** Bad input told by a bundle key ({@code payment.error.amount-empty}) and its arguments (DD-101). */
    public static InvalidRequestException keyed(@Nullable String field, String key, Object... params) {
        return new InvalidRequestException(field, new Texts.Message(key, params));
    }

    /** This message as an argument of another one: translated along with it where it came from the bundles. */
    public Object asArgument() {
        return text == null ? getMessage() : text;
    }

    /**
     * The message in the language of the page that is asking ({@link MessageLocale}), for the UI; English where no
     * page asks, and for a message not yet in the bundles.
     */
    @Override
    public String getLocalizedMessage() {
        return text == null ? getMessage()
                : Texts.shipped().text(MessageLocale.current().getLanguage(), text.key(), text.params());
    }

    /** The input the message is about ("amount", "method", ...), or empty when it is about the request as a whole. */
    public String field() {
        return field;
    }
}
