package dev.billfold.hosting;

import java.time.LocalDate;

/** One paid period of a service: from {@code start} (inclusive) to {@code end} (exclusive, the next period's start). */
record PaidPeriod(LocalDate start, LocalDate end) {
}
