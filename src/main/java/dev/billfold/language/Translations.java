package dev.billfold.language;

import com.vaadin.flow.i18n.I18NProvider;
import dev.billfold.base.Texts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Vaadin's I18NProvider over the shipped bundles ({@link Texts}): one file per feature and language,
 * {@code <feature>_<tag>.properties} in UTF-8, keys prefixed with the feature ({@code payment.topup.title}). Texts are
 * ICU message patterns, so plurals follow each language's CLDR rules ({@code {0, plural, one{# платёж} few{# платежа}
 * many{# платежей} other{# платежа}}}) and numbers format by locale. A key English lacks is shown as
 * {@code !{key}!}, which the view tests look for; one only a translation lacks falls back to English, and the bundle
 * test fails the build for it (DD-101).
 */
@Component
public class Translations implements I18NProvider {

    private static final List<Locale> PROVIDED = Arrays.stream(Language.values()).map(Language::locale).toList();

    private final Texts texts;

    public Translations() {
        this(Texts.shipped());
    }

    Translations(Texts texts) {
        this.texts = texts;
    }

    /** English first: the language of a browser that asks for none Billfold speaks. */
    @Override
    public List<Locale> getProvidedLocales() {
        return PROVIDED;
    }

    @Override
    public String getTranslation(String key, @Nullable Locale locale, Object... params) {
        return translate(Language.of(locale).orElse(Language.EN), key, params);
    }

    /** The text in this language, for what is not a view: mails, documents. */
    public String translate(Language language, String key, Object... params) {
        return texts.text(language.tag(), key, params);
    }
}
