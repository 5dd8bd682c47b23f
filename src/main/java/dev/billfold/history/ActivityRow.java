package dev.billfold.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the account's audit trail as its members see it: a staff member only as "Billing team", and no
 * address or role of anyone.
 *
 * @param action what kind of entry ({@code account.payer.added}): what the page re-reads {@code text} by
 * @param text   the line as stored, in English
 */
public record ActivityRow(Instant at, String who, String action, String text, @Nullable String before,
                          @Nullable String after, @Nullable String note) {

    /** "On → Off" as stored, or empty; the page shows it through {@code AuditTexts.change}. */
    public String changeLabel() {
        if (before == null && after == null) {
            return "";
        }
        return (before == null ? "" : before + " ") + "\u2192" + (after == null ? "" : " " + after);
    }
}
