package dev.billfold.hosting.ui;

import dev.billfold.base.Texts;
import dev.billfold.hosting.CoverPreset;
import dev.billfold.hosting.Runway;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** The runway in words, in a page's language: one sentence for pages, a brief one for the header (DD-104). */
final class RunwayTexts {

    private RunwayTexts() {
    }

    /** "Your balance covers your services until 14 March 2027 (103 days)."; empty when nothing draws on it. */
    static Optional<String> sentence(Runway runway, Locale locale) {
        return words(runway, locale, "hosting.runway.");
    }

    /** "covers until 14 March 2027 · 103 days", under the header's balance. */
    static Optional<String> brief(Runway runway, Locale locale) {
        return words(runway, locale, "hosting.runway.brief-");
    }

    /** "Cover 3 months: $267.00", "Cover 1 year: $1,068.00". */
    static String cover(CoverPreset preset, Locale locale) {
        return text(locale, "hosting.runway.cover", preset.months(), preset.amount());
    }

    private static Optional<String> words(Runway runway, Locale locale, String prefix) {
        if (!runway.draws()) {
            return Optional.empty();
        }
        LocalDate until = runway.coveredUntil();
        if (until == null) {
            long years = runway.coversBeyond() == null ? 0
                    : ChronoUnit.YEARS.between(runway.today(), runway.coversBeyond());
            return Optional.of(text(locale, prefix + "beyond", years));
        }
        long days = runway.days().orElse(0L);
        if (days == 0) {
            return Optional.of(text(locale, prefix + "today"));
        }
        String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(until);
        return Optional.of(text(locale, prefix + "until", day, days));
    }

    private static String text(Locale locale, String key, Object... args) {
        return Texts.shipped().text(locale.getLanguage(), key, args);
    }
}
