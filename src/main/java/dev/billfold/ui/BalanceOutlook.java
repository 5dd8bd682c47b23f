package dev.billfold.ui;

import dev.billfold.base.Money;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How long the current account's balance lasts and what would keep it paid for longer (the runway, DD-104), told by
 * the feature that knows the services, so that the frame and the top-up page depend on no feature (as
 * {@link PageNotice}). Words in the given language, never components, since beans outlive pages.
 */
public interface BalanceOutlook {

    /** How long the balance lasts, read now for the current account. */
    Runway runway(Locale locale);

    /**
     * The runway and the top-ups that keep the services paid for a span of time, within the top-up limits, from one
     * read: the top-up page's.
     */
    TopUp forTopUp(Locale locale);

    record TopUp(Runway runway, List<Cover> covers) {
    }

    /**
     * @param sentence "Your balance covers your services until March 14, 2027 (103 days)."; empty when nothing draws
     *                 on the balance
     * @param brief    the same for the header: "covers until March 14, 2027 · 103 days"
     * @param warning  the runway is shorter than the warning threshold
     */
    record Runway(Optional<String> sentence, Optional<String> brief, boolean warning) {
    }

    /** "Cover 3 months: $267.00"; {@code id} is stable for tests and styles ("cover-3"). */
    record Cover(String id, String label, Money amount) {
    }
}
