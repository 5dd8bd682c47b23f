package dev.billfold.cardcountry;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The card-issuing countries that cannot pay, by the account's country (ISO 3166 alpha-2), e.g.
 * {@code billfold.card-countries.refused.KE=AF,BY,...}. The key {@code ANY} applies to every account, whatever its
 * country. The defaults live in application.properties, not here: they are the providers' published lists.
 */
@ConfigurationProperties("billfold.card-countries")
public record CardCountryProperties(@DefaultValue Map<String, Set<String>> refused) {

    public static final String EVERY_ACCOUNT = "ANY";

    public CardCountryProperties {
        var normalised = new TreeMap<String, Set<String>>();
        refused.forEach((accountCountry, cardCountries) -> {
            String key = code(accountCountry, "billfold.card-countries.refused key");
            var codes = new TreeSet<String>();
            cardCountries.forEach(c -> codes.add(code(c, "billfold.card-countries.refused." + key)));
            normalised.put(key, Set.copyOf(codes));
        });
        refused = Map.copyOf(normalised);
    }

    private static String code(String text, String where) {
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (!code.equals(EVERY_ACCOUNT) && !code.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a two-letter country code");
        }
        return code;
    }
}
