package dev.billfold.payment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How invoices and receipts print a moment. UTC, and they say so; the one place to change when documents follow the
 * user's time zone.
 */
final class DocumentDates {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private DocumentDates() {
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }
}
