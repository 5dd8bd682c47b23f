package dev.billfold.payment;

import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An amount written out, as an invoice's total in words (DD-097): "two hundred fifty US dollars 00 cents", "двести
 * пятьдесят долларов США 00 центов". The major units in words, the minor units in digits with their noun. Russian and
 * Kazakh numbers are ICU's spellout rules and every currency noun is ICU's (CLDR), in the plural form ICU's plural
 * rules pick; ICU has no Uzbek spellout, so Uzbek numbers are written here.
 */
final class AmountInWords {

    static final String ENGLISH = "en";
    static final Set<String> LANGUAGES = Set.of(ENGLISH, "ru", "kk", "uz");

    /** What the words line of an invoice starts with, per language other than English. */
    private static final Map<String, String> TOTAL_LABEL = Map.of("ru", "Всего к оплате", "kk", "Барлығы төлеуге",
            "uz", "Jami toʻlovga");

    /** The minor unit's noun: Russian one/few/many, then Kazakh and Uzbek (no plural after a numeral). */
    private record Minor(String ruOne, String ruFew, String ruMany, String kk, String uz) {
    }

    private static final Minor CENT = new Minor("цент", "цента", "центов", "цент", "sent");
    private static final Map<String, Minor> MINOR = Map.of("USD", CENT, "EUR", CENT, "KES", CENT,
            "GBP", new Minor("пенс", "пенса", "пенсов", "пенс", "pens"),
            "KZT", new Minor("тиын", "тиына", "тиынов", "тиын", "tiyin"),
            "UZS", new Minor("тийин", "тийина", "тийинов", "тиын", "tiyin"));

    /** Russian currency nouns that are neuter ("одно евро"); the others here are masculine ("один доллар"). */
    private static final Set<String> RU_NEUTER = Set.of("EUR");

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

    /** The amount in words in a language of {@link #LANGUAGES}. */
    static String in(String language, Money amount) {
        if (ENGLISH.equals(language)) {
            return english(amount);
        }
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("No words for language " + language);
        }
        var locale = new ULocale(language);
        BigInteger major = amount.value().toBigInteger();
        String number = "uz".equals(language) ? UzbekNumbers.words(major) : spellout(locale, amount, major);
        String noun = Currency.getInstance(amount.currencyCode()).getName(locale, Currency.PLURAL_LONG_NAME,
                PluralRules.forLocale(locale).select(major.doubleValue()), null);
        String words = number + " " + noun;
        int digits = Money.minorDigits(amount.currency());
        if (digits == 0) {
            return uzbekApostrophes(language, words);
        }
        int minor = amount.value().subtract(new BigDecimal(major)).movePointRight(digits).intValue();
        String minorDigits = "%0{d}d".replace("{d}", Integer.toString(digits)).formatted(minor);
        Minor unit = MINOR.get(amount.currencyCode());
        if (unit == null) {
            // No noun known for this minor unit: written as the fraction it is.
            return uzbekApostrophes(language, words + " " + minorDigits + "/1" + "0".repeat(digits));
        }
        String minorNoun = switch (language) {
            case "ru" -> switch (PluralRules.forLocale(locale).select(minor)) {
                case "one" -> unit.ruOne();
                case "few" -> unit.ruFew();
                default -> unit.ruMany();
            };
            case "kk" -> unit.kk();
            default -> unit.uz();
        };
        return uzbekApostrophes(language, words + " " + minorDigits + " " + minorNoun);
    }

    /** "Всего к оплате: двести пятьдесят долларов США 00 центов"; English has its own row. */
    static String totalLine(String language, Money amount) {
        return TOTAL_LABEL.get(language) + ": " + in(language, amount);
    }

    private static String spellout(ULocale locale, Money amount, BigInteger major) {
        var format = new RuleBasedNumberFormat(locale, RuleBasedNumberFormat.SPELLOUT);
        String ruleSet = !"ru".equals(locale.getLanguage()) ? "%spellout-cardinal"
                : RU_NEUTER.contains(amount.currencyCode()) ? "%spellout-cardinal-neuter"
                : "%spellout-cardinal-masculine";
        return format.format(major.longValueExact(), ruleSet);
    }

    /** CLDR writes the Uzbek oʻ and gʻ with a quotation mark; the alphabet's letter is the turned comma U+02BB. */
    private static String uzbekApostrophes(String language, String words) {
        return "uz".equals(language) ? words.replace('‘', 'ʻ').replace('’', 'ʻ') : words;
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

    /** Uzbek (Latin) cardinal numbers as documents write them: "bir ming ikki yuz ellik". */
    static final class UzbekNumbers {

        private static final String[] ONES = {"nol", "bir", "ikki", "uch", "toʻrt", "besh", "olti", "yetti",
            "sakkiz", "toʻqqiz"};
        private static final String[] TENS = {"", "oʻn", "yigirma", "oʻttiz", "qirq", "ellik", "oltmish", "yetmish",
            "sakson", "toʻqson"};
        private static final String[] SCALES = {"", " ming", " million", " milliard", " trillion"};

        private UzbekNumbers() {
        }

        static String words(BigInteger number) {
            if (number.signum() == 0) {
                return ONES[0];
            }
            var groups = new java.util.ArrayList<String>();
            BigInteger thousand = BigInteger.valueOf(1000);
            for (int scale = 0; number.signum() > 0; scale++, number = number.divide(thousand)) {
                int group = number.mod(thousand).intValue();
                if (group > 0) {
                    if (scale >= SCALES.length) {
                        throw new IllegalArgumentException("Too large to write out: " + number);
                    }
                    groups.addFirst(below1000(group) + SCALES[scale]);
                }
            }
            return String.join(" ", groups);
        }

        private static String below1000(int n) {
            var words = new java.util.ArrayList<String>();
            if (n >= 100) {
                words.add(ONES[n / 100] + " yuz");
            }
            if (n % 100 >= 10) {
                words.add(TENS[n % 100 / 10]);
            }
            if (n % 10 > 0) {
                words.add(ONES[n % 10]);
            }
            return String.join(" ", words);
        }
    }
}
