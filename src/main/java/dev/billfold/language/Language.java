package dev.billfold.language;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The languages Billfold speaks, each with its bundle suffix and its name as its own speakers write it (a language
 * menu is read by someone who may not read the current language). Uzbek is Latin script, CLDR's default for "uz";
 * its bundle is {@code _uz}, as a {@code uz_Latn} file would be read as a country by Vaadin's naming.
 */
public enum Language {
    EN("en", "English"),
    RU("ru", "Русский"),
    UZ("uz", "Oʻzbekcha"),
    KK("kk", "Қазақша"),
    SW("sw", "Kiswahili");

    private final String tag;
    private final String nativeName;
    private final Locale locale;

    Language(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.locale = Locale.of(tag);
    }

    /** The BCP 47 tag and bundle suffix: "en", "uz". */
    public String tag() {
        return tag;
    }

    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of a locale, by language only: "ru-KZ" and "uz-Latn-UZ" are Russian and Uzbek. */
    public static Optional<Language> of(@Nullable Locale locale) {
        return locale == null ? Optional.empty() : byTag(locale.getLanguage());
    }

    /**
     * The language a tag names ("kk", "ru-RU", "uz_Latn_UZ", as OIDC's {@code locale} claim or a stored choice gives
     * it); empty for one Billfold does not speak, or for Uzbek in Cyrillic, which it does not print.
     */
    public static Optional<Language> fromTag(@Nullable String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        if ("Cyrl".equalsIgnoreCase(locale.getScript()) && "uz".equals(locale.getLanguage())) {
            return Optional.empty();
        }
        return of(locale);
    }

    private static Optional<Language> byTag(String language) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(language)).findFirst();
    }
}
