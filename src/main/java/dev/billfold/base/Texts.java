package dev.billfold.base;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The translation bundles, {@code i18n/<feature>_<tag>.properties} in UTF-8, as ICU message patterns (DD-101). Base
 * holds them so that a service's message ({@link InvalidRequestException#keyed}) and a view's text come from the one
 * place; the language feature puts Vaadin's {@code I18NProvider} on top. A {@link Money} argument is formatted in
 * the text's language, a {@link Message} argument is translated into it, a {@link Country} named in it.
 */
public final class Texts {

    /** The languages with bundles, English first: the fallback. */
    public static final List<String> TAGS = List.of("en", "ru", "uz", "kk", "sw");

    private static final Logger log = LoggerFactory.getLogger(Texts.class);

    private final Map<String, Map<String, String>> bundles;

    /** Bundles by language tag. */
    public Texts(Map<String, Map<String, String>> bundles) {
        Map<String, Map<String, String>> copied = new HashMap<>();
        for (String tag : TAGS) {
            copied.put(tag, Map.copyOf(bundles.getOrDefault(tag, Map.of())));
        }
        this.bundles = Map.copyOf(copied);
    }

    /** The bundles shipped on the class path, read once. */
    public static Texts shipped() {
        return Shipped.TEXTS;
    }

    /**
     * The text in this language ("ru"); one only English has falls back to English, an unknown key shows
     * {@code !{key}!}.
     */
    public String text(String tag, String key, Object... params) {
        Map<String, String> bundle = bundles.getOrDefault(tag, bundles.get("en"));
        String pattern = bundle.get(key);
        if (pattern == null) {
            pattern = bundles.get("en").get(key);
            if (pattern == null) {
                log.warn("No text for key {}", key);
                return "!{" + key + "}!";
            }
        }
        Locale locale = Locale.of(bundles.containsKey(tag) ? tag : "en");
        Object[] formatted = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            formatted[i] = switch (params[i]) {
                case Money money -> money.format(locale);
                case Message message -> text(locale.getLanguage(), message.key(), message.params());
                case Country country -> country.name(locale);
                case null -> "";
                default -> params[i];
            };
        }
        return new MessageFormat(pattern, ULocale.forLocale(locale)).format(formatted);
    }

    /**
     * The patterns of a language whose keys start with {@code prefix}, by key: for a reader that matches stored
     * English against them (the audit trail's lines).
     */
    public Map<String, String> patterns(String tag, String prefix) {
        Map<String, String> found = new HashMap<>();
        bundles.getOrDefault(tag, Map.of()).forEach((key, pattern) -> {
            if (key.startsWith(prefix)) {
                found.put(key, pattern);
            }
        });
        return Map.copyOf(found);
    }

    /** A text not yet in a language: an argument translated along with the text it is part of. */
    public record Message(String key, Object... params) {
    }

    /** A country as an argument ("KZ"): named in the text's language, Kazakhstan, Казахстан, Qozogʻiston. */
    public record Country(String code) {

        /** The country's name in this language (CLDR's), or the code where the JDK has no name for it. */
        public String name(Locale language) {
            String name = Locale.of("", code).getDisplayCountry(language);
            return name.isBlank() ? code : name;
        }
    }

    static Map<String, Map<String, String>> load(String pattern) {
        Map<String, Map<String, String>> bundles = new HashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String name = file.getFilename();
                if (name == null) {
                    continue;
                }
                String tag = name.substring(name.lastIndexOf('_') + 1, name.length() - ".properties".length());
                if (!TAGS.contains(tag)) {
                    throw new IllegalStateException("Bundle " + name + " is for no language Billfold speaks");
                }
                var texts = new Properties();
                try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    texts.load(reader);
                }
                Map<String, String> bundle = bundles.computeIfAbsent(tag, t -> new HashMap<>());
                texts.forEach((key, text) -> bundle.put((String) key, (String) text));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return bundles;
    }

    private static final class Shipped {
        static final Texts TEXTS = new Texts(load("classpath*:i18n/*.properties"));
    }
}
