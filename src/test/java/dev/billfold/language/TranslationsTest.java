package dev.billfold.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.base.Texts;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static final String PAYMENTS = "{0, plural, one{# платёж} few{# платежа} many{# платежей} other{# платежа}}";

    private final Translations translations = new Translations(bundles(Map.of(
            Language.EN, Map.of("t.payments", "{0, plural, one{# payment} other{# payments}}", "t.only", "English"),
            Language.RU, Map.of("t.payments", PAYMENTS),
            Language.KK, Map.of("t.payments", "{0, plural, one{# төлем} other{# төлем}}"),
            Language.UZ, Map.of("t.amount", "Jami: {0, number}"))));

    @Test
    void plurals_follow_each_languages_cldr_rules() {
        assertThat(translations.translate(Language.RU, "t.payments", 1)).isEqualTo("1 платёж");
        assertThat(translations.translate(Language.RU, "t.payments", 2)).isEqualTo("2 платежа");
        assertThat(translations.translate(Language.RU, "t.payments", 5)).isEqualTo("5 платежей");
        assertThat(translations.translate(Language.RU, "t.payments", 21)).isEqualTo("21 платёж");
        assertThat(translations.translate(Language.RU, "t.payments", 1234)).isEqualTo("1\u00A0234 платежа");
        assertThat(translations.translate(Language.EN, "t.payments", 1)).isEqualTo("1 payment");
        assertThat(translations.translate(Language.EN, "t.payments", 1234)).isEqualTo("1,234 payments");
    }

    @Test
    void numbers_in_texts_use_the_languages_grouping_and_decimal_sign() {
        assertThat(translations.translate(Language.UZ, "t.amount", new BigDecimal("12345.5")))
                .isEqualTo("Jami: 12\u00A0345,5");
    }

    @Test
    void a_text_only_english_has_falls_back_to_it_and_an_unknown_key_shows_the_marker() {
        assertThat(translations.translate(Language.SW, "t.only")).isEqualTo("English");
        assertThat(translations.translate(Language.SW, "t.nothing")).isEqualTo("!{t.nothing}!");
    }

    @Test
    void vaadin_asks_by_locale_and_gets_the_language_of_any_region_or_english() {
        assertThat(translations.getProvidedLocales()).first().isEqualTo(Locale.of("en"));
        assertThat(translations.getProvidedLocales()).extracting(Locale::getLanguage)
                .containsExactly("en", "ru", "uz", "kk", "sw");
        assertThat(translations.getTranslation("t.payments", Locale.forLanguageTag("ru-KZ"), 2)).isEqualTo("2 платежа");
        assertThat(translations.getTranslation("t.payments", Locale.GERMAN, 2)).isEqualTo("2 payments");
    }

    @Test
    void the_shipped_bundles_load_and_speak_russian() {
        var shipped = new Translations();
        assertThat(shipped.translate(Language.RU, "language.switcher")).isEqualTo("Язык");
        assertThat(shipped.translate(Language.KK, "ui.header.balance")).isEqualTo("Баланс");
    }

    @Test
    void a_tag_names_its_language_by_language_only_and_uzbek_only_in_latin() {
        assertThat(Language.fromTag("ru-RU")).contains(Language.RU);
        assertThat(Language.fromTag("kk_KZ")).contains(Language.KK);
        assertThat(Language.fromTag("uz-Latn-UZ")).contains(Language.UZ);
        assertThat(Language.fromTag("uz-Cyrl")).isEmpty();
        assertThat(Language.fromTag("de")).isEmpty();
        assertThat(Language.fromTag("")).isEmpty();
        assertThat(Language.fromTag("x".repeat(100))).isEmpty();
    }

    private static Texts bundles(Map<Language, Map<String, String>> given) {
        Map<String, Map<String, String>> byTag = new HashMap<>();
        given.forEach((language, bundle) -> byTag.put(language.tag(), bundle));
        return new Texts(byTag);
    }
}
