package dev.billfold.payment;

import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * An amount written out, as an invoice's total in words: "two hundred fifty US dollars 00 cents". English only for
 * now; issue 21 brings the documents' languages, and Russian, Kazakh and Uzbek need their plural rules.
 */
final class AmountInWords {

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};
    private static final String[] SCALES = {"", " thousand", " million", " billion", " trillion", " quadrillion"};

    /** Singular and plural of the major unit, then of the minor unit. */
    private record Units(String one, String many, String minorOne, String minorMany) {
    }

    private static final Map<String, Units> UNITS = Map.of(
            "USD", new Units("US dollar", "US dollars", "cent", "cents"),
            "EUR", new Units("euro", "euros", "cent", "cents"),
            "GBP", new Units("pound sterling", "pounds sterling", "penny", "pence"),
            "KZT", new Units("tenge", "tenge", "tiyn", "tiyn"),
            "UZS", new Units("Uzbek sum", "Uzbek sum", "tiyin", "tiyin"),
            "KES", new Units("Kenyan shilling", "Kenyan shillings", "cent", "cents"));

    private AmountInWords() {
    }

    static String english(Money amount) {
        BigDecimal value = amount.value();
        BigInteger major = value.toBigInteger();
        int digits = Money.minorDigits(amount.currency());
        var units = UNITS.getOrDefault(amount.currencyCode(), new Units(amount.currencyCode(), amount.currencyCode(),
                "", ""));
        String words = words(major) + " " + (major.equals(BigInteger.ONE) ? units.one() : units.many());
        if (digits == 0 || units.minorMany().isEmpty()) {
            return words;
        }
        int minor = value.subtract(new BigDecimal(major)).movePointRight(digits).intValue();
        return words + " %0{d}d %s".replace("{d}", Integer.toString(digits)).formatted(minor,
                minor == 1 ? units.minorOne() : units.minorMany());
    }

    static String words(BigInteger number) {
        if (number.signum() == 0) {
            return ONES[0];
        }
        var out = new StringBuilder();
        BigInteger thousand = BigInteger.valueOf(1000);
        int scale = 0;
        while (number.signum() > 0) {
            int group = number.mod(thousand).intValue();
            if (group > 0) {
                if (scale >= SCALES.length) {
                    throw new IllegalArgumentException("Too large to write out: " + number);
                }
                out.insert(0, below1000(group) + SCALES[scale] + (out.isEmpty() ? "" : " "));
            }
            number = number.divide(thousand);
            scale++;
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String below1000(int n) {
        String hundreds = n >= 100 ? ONES[n / 100] + " hundred" : "";
        int rest = n % 100;
        if (rest == 0) {
            return hundreds;
        }
        String tail = rest < 20 ? ONES[rest] : TENS[rest / 10] + (rest % 10 > 0 ? "-" + ONES[rest % 10] : "");
        return hundreds.isEmpty() ? tail : hundreds + " " + tail;
    }
}
