package dev.billfold.hosting;

import java.time.LocalDate;
import java.util.List;

/** How a service is priced: per month or per year. */
public enum BillingPeriod {
    MONTH(1, List.of(1, 3, 6, 12)),
    YEAR(12, List.of(1));

    private final int months;
    private final List<Integer> allowedCounts;

    BillingPeriod(int months, List<Integer> allowedCounts) {
        this.months = months;
        this.allowedCounts = allowedCounts;
    }

    /** How many months one period is. */
    public int months() {
        return months;
    }

    /** The numbers of periods a customer may pay for at once: 1, 3, 6 or 12 months, or 1 year. */
    public List<Integer> allowedCounts() {
        return allowedCounts;
    }

    /**
     * The day {@code count} periods after {@code start}. Always counted from the same start, so that a run of months
     * starting on the 31st does not drift to the 28th.
     */
    public LocalDate after(LocalDate start, int count) {
        return start.plusMonths((long) months * count);
    }

    /** "1 month", "3 months", "1 year". */
    public String describe(int count) {
        String unit = this == MONTH ? "month" : "year";
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** "month" or "year", for "$24.00 / month". */
    public String unit() {
        return this == MONTH ? "month" : "year";
    }
}
