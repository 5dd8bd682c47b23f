package dev.billfold.hosting;

import dev.billfold.base.Money;
import java.time.LocalDate;

/**
 * A top-up that keeps the services paid for a span of time: "Cover 3 months: $267.00". The amount is what the
 * balance lacks to pay every charge due before {@code until}, raised to the top-up minimum (DD-104).
 */
public record CoverPreset(int months, LocalDate until, Money amount) {
}
