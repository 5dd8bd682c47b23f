package dev.billfold.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the account's audit trail as its members see it: a staff member only as "Billing team", and no
 * address or role of anyone.
 */
public record ActivityRow(Instant at, String who, String text, @Nullable String before, @Nullable String after,
                          @Nullable String note) {

    /** "On → Off", or empty. */
    public String changeLabel() {
        if (before == null && after == null) {
            return "";
        }
        return (before == null ? "" : before + " ") + "\u2192" + (after == null ? "" : " " + after);
    }
}
