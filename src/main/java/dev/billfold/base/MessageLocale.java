package dev.billfold.base;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The language of the page that is being served, for messages made below the views (a service's
 * {@link InvalidRequestException}): the language feature installs the page's locale as the source; without a page
 * (the API, a job) it is English.
 */
public final class MessageLocale {

    private static volatile Supplier<Optional<Locale>> source = Optional::empty;

    private MessageLocale() {
    }

    public static void use(Supplier<Optional<Locale>> pageLocale) {
        source = pageLocale;
    }

    public static Locale current() {
        return source.get().orElse(Locale.ENGLISH);
    }
}
