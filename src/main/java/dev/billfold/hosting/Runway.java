package dev.billfold.hosting;

import dev.billfold.base.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How long the balance lasts the account's services (DD-104): the day until which it pays every charge that falls due
 * ({@code coveredUntil}, a service paid until that day), the days from today, and what the services cost a day on
 * average. Empty {@code coveredUntil} with {@code draws} false: nothing draws on the balance; with {@code draws}
 * true: the balance covers more than the horizon ({@code coversBeyond}).
 *
 * @param dailyCost    the drawing services' prices spread over their periods, per day
 * @param coveredUntil the first day a charge falls due that the balance cannot pay; today when it cannot pay today's
 */
public record Runway(Money balance, Money dailyCost, boolean draws, @Nullable LocalDate coveredUntil,
                     @Nullable LocalDate coversBeyond, LocalDate today) {

    public Optional<Long> days() {
        return Optional.ofNullable(coveredUntil).map(until -> ChronoUnit.DAYS.between(today, until));
    }

    /** Below {@code days} days of runway (a balance that covers beyond the horizon never is). */
    public boolean shorterThan(int days) {
        return days().map(left -> left < days).orElse(false);
    }
}
