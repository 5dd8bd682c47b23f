package dev.billfold.base.ui;

import com.vaadin.flow.component.UI;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Instants as the customer's clock shows them: in the browser's time zone, which Vaadin receives with the page, or in
 * UTC when the browser sent none or one Java does not know (the id comes from the client, so it is never trusted to
 * parse). Display only: server rules such as the daily limit's day ({@code billfold.top-up.day-zone}) keep their own
 * zone.
 */
public record LocalTimes(ZoneId zone) implements Serializable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The current UI's browser zone; UTC outside a UI or without a usable zone. */
    public static LocalTimes ofBrowser() {
        UI ui = UI.getCurrent();
        return of(ui == null ? null : ui.getPage().getExtendedClientDetails().getTimeZoneId());
    }

    public static LocalTimes of(@Nullable String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return new LocalTimes(ZoneOffset.UTC);
        }
        try {
            return new LocalTimes(ZoneId.of(zoneId.strip()));
        } catch (DateTimeException unknown) {
            return new LocalTimes(ZoneOffset.UTC);
        }
    }

    /** "2026-11-25 22:11", for a column whose header names the zone ({@link #label()}). */
    public String format(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    /**
     * As the reader's language writes a date and time: "25 нояб. 2026 г., 22:11" in Russian. English keeps the
     * sortable "2026-11-25 22:11" the portal and its exports have always shown.
     */
    public String format(Instant instant, Locale locale) {
        if (Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return format(instant);
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }

    /** {@link #format(Instant, Locale)} with the zone's offset, as {@link #formatWithOffset(Instant)}. */
    public String formatWithOffset(Instant instant, Locale locale) {
        return format(instant, locale) + " " + offset(instant);
    }

    /** "2026-11-25 22:11 UTC+05:00" (or "... UTC"): unambiguous on its own, e.g. in a screenshot of one line. */
    public String formatWithOffset(Instant instant) {
        return format(instant) + " " + offset(instant);
    }

    /** "Asia/Tashkent" or "UTC", for a header such as "Date (Asia/Tashkent)". */
    public String label() {
        return zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0 ? "UTC" : zone.getId();
    }

    private String offset(Instant instant) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    }
}
