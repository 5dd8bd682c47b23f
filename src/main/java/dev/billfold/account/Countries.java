package dev.billfold.account;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 countries, as the JDK knows them, with English names for the form. */
public final class Countries {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final List<String> BY_NAME = CODES.stream().sorted(Comparator.comparing(Countries::name)).toList();

    private Countries() {
    }

    /** Every code, ordered by English name. */
    public static List<String> codes() {
        return BY_NAME;
    }

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }

    /** "Germany" for "DE". */
    public static String name(String code) {
        return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }

    /** What the form's tax id field explains for this country, or an empty string. */
    public static String taxIdHint(String code) {
        return TaxIds.hint(code).orElse("");
    }
}
