package dev.billfold.language;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every user-visible text, from the bundles in {@code i18n/}: one file per feature and language,
 * {@code <feature>_<tag>.properties} in UTF-8, keys prefixed with the feature ({@code topup.amount}). Texts are ICU
 * message patterns, so plurals follow each language's CLDR rules ({@code {0, plural, one{# платёж} few{# платежа}
 * many{# платежей} other{# платежа}}}) and numbers and dates format by locale. A key English lacks is shown as
 * {@code !{key}!}, which the view tests look for; one only a translation lacks falls back to English, and the bundle
 * test fails the build for it (DD-101).
 */
@Component
public class Translations implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final List<Locale> PROVIDED = Arrays.stream(Language.values()).map(Language::locale).toList();

    private final Map<Language, Map<String, String>> bundles;

    public Translations() {
        this(loadBundles("classpath*:i18n/*.properties"));
    }

    Translations(Map<Language, Map<String, String>> bundles) {
        this.bundles = bundles;
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
        String pattern = bundles.get(language).get(key);
        if (pattern == null) {
            pattern = bundles.get(Language.EN).get(key);
            if (pattern == null) {
                log.warn("No text for key {}", key);
                return "!{" + key + "}!";
            }
        }
        return new MessageFormat(pattern, ULocale.forLocale(language.locale())).format(params);
    }

    /** Every key and its pattern in this language, for the bundle tests. */
    public Map<String, String> bundle(Language language) {
        return bundles.get(language);
    }

    static Map<Language, Map<String, String>> loadBundles(String pattern) {
        Map<Language, Map<String, String>> bundles = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            bundles.put(language, new HashMap<>());
        }
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String name = file.getFilename();
                if (name == null) {
                    continue;
                }
                String tag = name.substring(name.lastIndexOf('_') + 1, name.length() - ".properties".length());
                Language language = Language.fromTag(tag).filter(l -> l.tag().equals(tag)).orElseThrow(
                        () -> new IllegalStateException("Bundle " + name + " is for no language Billfold speaks"));
                var texts = new Properties();
                try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    texts.load(reader);
                }
                texts.forEach((key, text) -> bundles.get(language).put((String) key, (String) text));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        bundles.replaceAll((language, texts) -> Map.copyOf(texts));
        return bundles;
    }
}
