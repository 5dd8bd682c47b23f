package dev.billfold.hosting;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which periods a renewal pays for and what it costs. Pure: checks the lines, touches nothing. */
record RenewalPlan(List<Item> items, Money total) {

    record Item(HostedService service, int periods, List<PaidPeriod> paidPeriods, Money cost) {

        LocalDate newPaidUntil() {
            return paidPeriods.getLast().end();
        }

        String term() {
            return service.period().describe(periods);
        }
    }

    /** {@code services} are the account's services named by the lines (already checked to be the account's). */
    static RenewalPlan of(List<HostedService> services, List<RenewalLine> lines, LocalDate today, Currency currency) {
        requireWellFormed(lines);
        Map<HostedServiceId, HostedService> byId = services.stream()
                .collect(Collectors.toMap(HostedService::id, Function.identity()));
        List<Item> items = new ArrayList<>();
        Money total = Money.zero(currency);
        for (RenewalLine line : lines) {
            HostedService service = byId.get(line.serviceId());
            if (service == null) {
                throw InvalidRequestException.keyed("services", "errors.renewal.foreign-service");
            }
            if (!service.period().allowedCounts().contains(line.periods())) {
                throw InvalidRequestException.keyed("periods", service.period() == BillingPeriod.MONTH
                        ? "errors.renewal.by-month" : "errors.renewal.by-year", service.name());
            }
            List<PaidPeriod> periods = service.nextPeriods(line.periods(), today);
            Money cost = Money.zero(currency);
            for (PaidPeriod period : periods) {
                // Each period at the price of its start: a price change applies from its day on.
                cost = cost.plus(service.priceFor(period.start()));
            }
            items.add(new Item(service, line.periods(), periods, cost));
            total = total.plus(cost);
        }
        return new RenewalPlan(List.copyOf(items), total);
    }

    static void requireWellFormed(List<RenewalLine> lines) {
        if (lines.isEmpty()) {
            throw InvalidRequestException.keyed("services", "errors.renewal.choose");
        }
        Set<HostedServiceId> seen = new HashSet<>();
        for (RenewalLine line : lines) {
            if (!seen.add(line.serviceId())) {
                throw InvalidRequestException.keyed("services", "errors.renewal.twice");
            }
        }
    }

    /** "DS-2 for 1 month until 2026-12-27, IP address for 3 months until 2027-02-22". */
    String describe() {
        return items.stream()
                .map(item -> "%s for %s until %s".formatted(item.service().name(), item.term(), item.newPaidUntil()))
                .collect(Collectors.joining(", "));
    }
}
