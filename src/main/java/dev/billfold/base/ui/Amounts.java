package dev.billfold.base.ui;

import dev.billfold.base.Money;
import java.util.Locale;

/**
 * An amount as a page shows it. In English, the form the portal, its mails and the service messages have always used
 * ("KZT 125,000.00"), so that English pages read as the messages beside them; in the other languages by CLDR
 * ({@link Money#format(Locale)}: "125 000,00 ₸").
 */
public final class Amounts {

    private Amounts() {
    }

    public static String format(Money money, Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? money.format() : money.format(locale);
    }
}
