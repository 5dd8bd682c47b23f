package dev.billfold.payment;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language of an invoice's total in words besides English, by the buyer's country (DD-097). Checked at start-up:
 * a language without words would fail every invoice instead.
 *
 * @param byCountry ISO 3166 alpha-2 country to language ({@code ru}, {@code kk}, {@code uz} or {@code en})
 * @param otherwise the language for every other country, and for a buyer without a country
 */
@ConfigurationProperties("billfold.invoice-language")
public record InvoiceLanguageProperties(@DefaultValue Map<String, String> byCountry,
                                        @DefaultValue(AmountInWords.ENGLISH) String otherwise) {

    public InvoiceLanguageProperties {
        var checked = new TreeMap<String, String>();
        byCountry.forEach((country, language) -> checked.put(country.toUpperCase(Locale.ROOT),
                supported("by-country." + country, language)));
        byCountry = Map.copyOf(checked);
        otherwise = supported("otherwise", otherwise);
    }

    /** The language of an invoice to a buyer in this country. */
    String languageFor(@Nullable String country) {
        return country == null ? otherwise : byCountry.getOrDefault(country, otherwise);
    }

    private static String supported(String key, String language) {
        String code = language.strip().toLowerCase(Locale.ROOT);
        if (!AmountInWords.LANGUAGES.contains(code)) {
            throw new IllegalArgumentException("billfold.invoice-language.%s is \"%s\"; give one of %s".formatted(key,
                    language, String.join(", ", new java.util.TreeSet<>(AmountInWords.LANGUAGES))));
        }
        return code;
    }
}
