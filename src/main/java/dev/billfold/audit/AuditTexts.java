package dev.billfold.audit;

import dev.billfold.base.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail's lines in the reader's language. A line is stored in English, for the record, and re-read here:
 * the English pattern of its action ({@code audit.text.<action>}, or {@code audit.text.<action>~<case>} where the
 * words differ by case, "on" or "off") is matched against the stored line, and what it finds in the places of the
 * arguments (a name, an amount as stored) goes into the same pattern in the reader's language. A line no pattern reads
 * (older wording, an action without one) shows as stored. The sides of a "before → after" are re-read the same way
 * through {@code audit.value.*}.
 */
public final class AuditTexts {

    static final String PREFIX = "audit.text.";
    static final String VALUES = "audit.value.";
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    private final Texts texts;
    /** action → its readings, the most specific (the most literal words) first. */
    private final Map<String, List<Reading>> readings;
    /** The words a "before → after" side is stored in ("On", "Balance $5.00"), the most specific first. */
    private final List<Reading> values;

    AuditTexts(Texts texts) {
        this.texts = texts;
        Map<String, List<Reading>> byAction = new HashMap<>();
        texts.patterns("en", PREFIX).forEach((key, english) -> {
            String name = key.substring(PREFIX.length());
            String action = name.contains("~") ? name.substring(0, name.indexOf('~')) : name;
            byAction.computeIfAbsent(action, a -> new ArrayList<>()).add(Reading.of(key, english));
        });
        byAction.replaceAll((action, list) -> mostSpecificFirst(list));
        this.readings = Map.copyOf(byAction);
        this.values = mostSpecificFirst(texts.patterns("en", VALUES).entrySet().stream()
                .map(value -> Reading.of(value.getKey(), value.getValue())).toList());
    }

    private static List<Reading> mostSpecificFirst(List<Reading> readings) {
        return readings.stream().sorted(Comparator.comparingInt(Reading::literals).reversed()).toList();
    }

    public static AuditTexts shipped() {
        return Shipped.TEXTS;
    }

    /** The stored line of {@code action} in the reader's language, or as stored when no pattern reads it. */
    public String text(Locale reader, String action, String stored) {
        return read(readings.getOrDefault(action, List.of()), reader, stored);
    }

    /**
     * "Off → On": an entry's before and after, each in the reader's language where an {@code audit.value.*}
     * pattern reads it (a state, a role, "Balance $5.00"), as stored where it is data (a name, a method's label).
     */
    public String change(Locale reader, @Nullable String before, @Nullable String after) {
        if (before == null && after == null) {
            return "";
        }
        return (before == null ? "" : read(values, reader, before) + " ") + "\u2192"
                + (after == null ? "" : " " + read(values, reader, after));
    }

    private String read(List<Reading> candidates, Locale reader, String stored) {
        for (Reading reading : candidates) {
            Matcher found = reading.english().matcher(stored);
            if (found.matches()) {
                Object[] arguments = new Object[reading.arguments()];
                for (int group = 1; group <= found.groupCount(); group++) {
                    arguments[reading.order()[group - 1]] = found.group(group);
                }
                return texts.text(reader.getLanguage(), reading.key(), arguments);
            }
        }
        return stored;
    }

    /**
     * One English pattern as a regular expression: its words literally, each {@code {n}} as a group.
     *
     * @param order    the argument each group fills, in the order the groups appear
     * @param literals how many characters are words, not arguments: the more, the more specific
     */
    record Reading(String key, Pattern english, int[] order, int arguments, int literals) {

        static Reading of(String key, String pattern) {
            StringBuilder regex = new StringBuilder();
            List<Integer> order = new ArrayList<>();
            int literals = 0;
            int arguments = 0;
            Matcher argument = ARGUMENT.matcher(pattern);
            int from = 0;
            while (argument.find()) {
                String words = unquoted(pattern.substring(from, argument.start()));
                regex.append(Pattern.quote(words)).append("(.+?)");
                literals += words.length();
                int index = Integer.parseInt(argument.group(1));
                order.add(index);
                arguments = Math.max(arguments, index + 1);
                from = argument.end();
            }
            String rest = unquoted(pattern.substring(from));
            regex.append(Pattern.quote(rest));
            literals += rest.length();
            return new Reading(key, Pattern.compile(regex.toString(), Pattern.DOTALL),
                    order.stream().mapToInt(Integer::intValue).toArray(), arguments, literals);
        }

        /** ICU's doubled apostrophe is one. */
        private static String unquoted(String words) {
            return words.replace("''", "'");
        }
    }

    private static final class Shipped {
        static final AuditTexts TEXTS = new AuditTexts(Texts.shipped());
    }
}
