package dev.billfold.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundles in src/main/resources/i18n, read as files: each feature speaks every language with exactly English's
 * keys and placeholders, every pattern is valid ICU, every key is used by the code and every key the code asks for
 * exists (issue 21, DD-101).
 */
class BundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path SOURCES = Path.of("src/main/java");
    /** A key literal handed to the translation calls: getTranslation("payment.topup.title"), Localized.text(x, "…"). */
    private static final Pattern ASKED = Pattern.compile(
            "(?:getTranslation|translate|Localized\\.(?:text|bind)|keyed|Message)\\((?:[^;\"]*?,\\s*)?"
                    + "(?:\"[a-z]*\",\\s*)?\"([a-z][a-z0-9-]*\\.[\\w.-]+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*\\.[\\w.-]*)\"");

    /** feature → language → key → pattern */
    private static final Map<String, Map<Language, Map<String, String>>> FEATURES = new TreeMap<>();
    private static String sources;

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                assertThat(name).as("bundle file name").matches("[a-z]+_[a-z]{2}\\.properties");
                String feature = name.substring(0, name.indexOf('_'));
                Language language = Language.fromTag(name.substring(name.indexOf('_') + 1, name.indexOf('.')))
                        .orElseThrow(() -> new AssertionError(name + " is for a language Billfold does not speak"));
                var texts = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    texts.load(reader);
                }
                Map<String, String> bundle = new TreeMap<>();
                texts.forEach((key, text) -> bundle.put((String) key, (String) text));
                FEATURES.computeIfAbsent(feature, f -> new TreeMap<>()).put(language, bundle);
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            var all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
            sources = all.toString();
        }
    }

    @Test
    void every_feature_has_a_bundle_in_every_language_with_englishs_keys() {
        assertThat(FEATURES).isNotEmpty();
        FEATURES.forEach((feature, languages) -> {
            assertThat(languages.keySet()).as(feature + " bundles").containsExactlyInAnyOrder(Language.values());
            Set<String> english = languages.get(Language.EN).keySet();
            languages.forEach((language, bundle) -> assertThat(bundle.keySet())
                    .as(feature + "_" + language.tag() + " keys").containsExactlyInAnyOrderElementsOf(english));
        });
    }

    @Test
    void keys_are_named_after_their_feature() {
        FEATURES.forEach((feature, languages) -> assertThat(languages.get(Language.EN).keySet())
                .as(feature + "_en keys").allMatch(key -> key.startsWith(feature + ".")));
    }

    @Test
    void every_text_is_a_valid_icu_pattern_with_englishs_placeholders_and_no_empty_text() {
        List<String> faults = new ArrayList<>();
        FEATURES.forEach((feature, languages) -> languages.get(Language.EN).forEach((key, englishText) -> {
            Set<String> expected = arguments(englishText);
            languages.forEach((language, bundle) -> {
                String text = bundle.get(key);
                if (text == null) {
                    return;
                }
                if (text.isBlank()) {
                    faults.add(language.tag() + " " + key + " is empty");
                    return;
                }
                try {
                    Set<String> actual = arguments(text);
                    if (!actual.equals(expected)) {
                        faults.add(language.tag() + " " + key + " has " + actual + ", English has " + expected);
                    }
                } catch (IllegalArgumentException invalid) {
                    faults.add(language.tag() + " " + key + ": " + invalid.getMessage());
                }
            });
        }));
        assertThat(faults).isEmpty();
    }

    @Test
    void uzbek_is_written_with_the_modifier_letter_not_an_apostrophe() {
        FEATURES.forEach((feature, languages) -> languages.get(Language.UZ).forEach((key, text) ->
                assertThat(text).as("uz " + key).doesNotContainPattern("[oOgG]['‘’`]")));
    }

    @Test
    void every_key_is_used_by_the_code() {
        Set<String> literals = new TreeSet<>();
        Matcher literal = LITERAL.matcher(sources);
        while (literal.find()) {
            literals.add(literal.group(1));
        }
        Set<String> families = literals.stream().filter(l -> l.endsWith(".")).collect(Collectors.toSet());
        List<String> unused = new ArrayList<>();
        FEATURES.forEach((feature, languages) -> languages.get(Language.EN).keySet().stream()
                .filter(key -> !literals.contains(key) && families.stream().noneMatch(key::startsWith))
                .forEach(unused::add));
        assertThat(unused).as("keys no code asks for; remove them or use them").isEmpty();
    }

    @Test
    void every_key_the_code_asks_for_exists_in_english() {
        Set<String> english = FEATURES.values().stream().flatMap(l -> l.get(Language.EN).keySet().stream())
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        Matcher asked = ASKED.matcher(sources);
        while (asked.find()) {
            if (!asked.group(1).endsWith(".") && !english.contains(asked.group(1))) {
                missing.add(asked.group(1));
            }
        }
        assertThat(missing).as("keys asked for that no bundle has").isEmpty();
    }

    private static Set<String> arguments(String pattern) {
        return new TreeSet<>(new MessageFormat(pattern).getArgumentNames());
    }
}
