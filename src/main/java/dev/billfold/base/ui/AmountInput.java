package dev.billfold.base.ui;

import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount as a person types it in their language, turned into the plain decimal the services read ("1234.50").
 * The locale's own signs are read as CLDR defines them: "1 234,50" in Russian, "1,234.50" in English. The other
 * decimal sign is accepted only where it cannot be a group sign ("12.50" in Russian: a group has three digits);
 * "1.234" in Russian or "1.234,50" in English could mean amounts a thousand times apart, so they are refused with a
 * message instead of guessed (issue 21). Length, range and decimal places stay the service's checks.
 */
public final class AmountInput {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");

    private AmountInput() {
    }

    /** The plain decimal, or empty when the text is ambiguous or not a number in this locale. */
    public static Optional<String> normalise(String typed, Locale locale) {
        String text = SPACES.matcher(typed).replaceAll("");
        if (text.isEmpty() || text.length() > 64 || text.startsWith("-")) {
            // empty, overlong and negative input: the service's own messages say what is wrong
            return Optional.of(typed.strip());
        }
        char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        char other = decimal == ',' ? '.' : ',';
        String group = Pattern.quote(String.valueOf(other));
        String dec = Pattern.quote(String.valueOf(decimal));
        if (text.matches("\\d+(" + dec + "\\d+)?")) {
            return Optional.of(text.replace(decimal, '.'));
        }
        // the other sign as a group sign, only where the locale groups with it (English: "1,234.50")
        if (groupsWith(locale, other) && text.matches("\\d{1,3}(" + group + "\\d{3})+(" + dec + "\\d+)?")) {
            return Optional.of(text.replace(String.valueOf(other), "").replace(decimal, '.'));
        }
        // the other sign as the decimal sign, where it cannot be read as a group of three
        if (text.matches("\\d+" + group + "(\\d{1,2}|\\d{4,})")) {
            return Optional.of(text.replace(other, '.'));
        }
        return Optional.empty();
    }

    /** What the locale writes as decimal sign: "," in Russian, "." in English, for the message that refuses. */
    public static String decimalSign(Locale locale) {
        return String.valueOf(DecimalFormatSymbols.getInstance(locale).getDecimalSeparator());
    }

    private static boolean groupsWith(Locale locale, char sign) {
        return DecimalFormatSymbols.getInstance(locale).getGroupingSeparator() == sign;
    }
}
