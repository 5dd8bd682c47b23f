package dev.billfold.payment.ui;

import com.vaadin.flow.component.Component;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How long a queue entry has waited, in the page's language: "3 d", "5 h", "12 min" (or "3 дн.", "5 ч"). */
final class Ages {

    private Ages() {
    }

    static String of(Component where, Instant since, Clock clock) {
        Duration waited = Duration.between(since, clock.instant());
        if (waited.toDays() > 0) {
            return where.getTranslation("payment.ops.age.days", waited.toDays());
        }
        if (waited.toHours() > 0) {
            return where.getTranslation("payment.ops.age.hours", waited.toHours());
        }
        return where.getTranslation("payment.ops.age.minutes", Math.max(0, waited.toMinutes()));
    }
}
