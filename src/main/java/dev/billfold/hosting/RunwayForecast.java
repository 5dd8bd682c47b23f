package dev.billfold.hosting;

import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * The charges the account's services will make on the balance from today, in the order they fall due, and what
 * follows from them: the runway and the amount that covers a span of time (DD-104). Pure arithmetic on the services
 * as stored; days are the renewal zone's days, as paid-until dates are.
 *
 * <p>What draws: an active or suspended service with auto-renew, at its paid-until and every period after (a lapsed
 * one from today, as the renewal job charges it); a service awaiting its first payment, its first period today. What
 * does not: a service without auto-renew (it ends at its paid-until unless renewed by hand) and a terminated one.
 */
final class RunwayForecast {

    /** How far the forecast looks: a balance that lasts longer "covers beyond" this. */
    static final int HORIZON_YEARS = 5;

    private static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.436875");

    record Charge(LocalDate due, HostedServiceId service, Money amount) {
    }

    private final List<Charge> charges;
    private final Money dailyCost;
    private final Currency currency;
    private final LocalDate today;

    private RunwayForecast(List<Charge> charges, Money dailyCost, Currency currency, LocalDate today) {
        this.charges = charges;
        this.dailyCost = dailyCost;
        this.currency = currency;
        this.today = today;
    }

    static RunwayForecast of(List<HostedService> services, Currency currency, LocalDate today) {
        LocalDate horizon = today.plusYears(HORIZON_YEARS);
        List<Charge> charges = new ArrayList<>();
        BigDecimal perDay = BigDecimal.ZERO;
        for (HostedService service : services) {
            if (!draws(service)) {
                continue;
            }
            LocalDate start = service.nextPeriodStart(today);
            perDay = perDay.add(service.priceFor(start).value().divide(
                    DAYS_PER_MONTH.multiply(BigDecimal.valueOf(service.period().months())), 10, RoundingMode.HALF_UP));
            // Awaiting its first payment without auto-renew: that first period, and nothing after it
            int periods = service.autoRenew() ? Integer.MAX_VALUE : 1;
            for (int i = 0; i < periods; i++) {
                LocalDate due = service.period().after(start, i);
                if (!due.isBefore(horizon)) {
                    break;
                }
                charges.add(new Charge(due, service.id(), service.priceFor(due)));
            }
        }
        charges.sort(Comparator.comparing(Charge::due).thenComparing(charge -> charge.service().value()));
        Money daily = Money.of(perDay.setScale(Money.minorDigits(currency), RoundingMode.HALF_UP), currency);
        return new RunwayForecast(List.copyOf(charges), daily, currency, today);
    }

    private static boolean draws(HostedService service) {
        return switch (service.status()) {
            case ACTIVE, SUSPENDED -> service.autoRenew();
            case AWAITING_PAYMENT -> true;
            case TERMINATED -> false;
        };
    }

    LocalDate today() {
        return today;
    }

    List<Charge> charges() {
        return charges;
    }

    Runway runway(Money balance) {
        if (charges.isEmpty()) {
            return new Runway(balance, dailyCost, false, null, null, today);
        }
        Money left = balance;
        for (Charge charge : charges) {
            left = left.minus(charge.amount());
            if (left.isNegative()) {
                return new Runway(balance, dailyCost, true, charge.due(), null, today);
            }
        }
        return new Runway(balance, dailyCost, true, null, today.plusYears(HORIZON_YEARS), today);
    }

    /**
     * What the balance lacks to pay every charge due before {@code until}: zero when it already does. A top-up of
     * this much keeps the services paid until that day at least.
     */
    Money neededUntil(LocalDate until, Money balance) {
        Money due = Money.zero(currency);
        for (Charge charge : charges) {
            if (!charge.due().isBefore(until)) {
                break;
            }
            due = due.plus(charge.amount());
        }
        Money missing = due.minus(balance);
        return missing.isPositive() ? missing : Money.zero(currency);
    }
}
