package dev.billfold.base;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A position in a list ordered newest first by time and then id: the last row of one page, as an opaque text for
 * the next request. Keyset paging, so a page never skips or repeats a row when new rows arrive meanwhile.
 */
public record TimeCursor(Instant at, UUID id) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor; an {@link InvalidRequestException} on the field {@code cursor} for anything not given out here. */
    public static @Nullable TimeCursor decode(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 2 || text.length() > 80) {
                throw new IllegalArgumentException();
            }
            return new TimeCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                    UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException notOurs) {
            throw new InvalidRequestException("cursor", "That cursor is not one this API gave out.");
        }
    }
}
