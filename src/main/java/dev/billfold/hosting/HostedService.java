package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import dev.billfold.base.IllegalTransitionException;
import dev.billfold.base.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A service a customer pays for from the balance. {@code paidUntil} is the day the paid time ends, which is also the
 * day the next period starts; it is null until the first payment. Status moves only through the methods here.
 */
record HostedService(
        HostedServiceId id,
        AccountId accountId,
        String name,
        HostedServiceKind kind,
        Money price,
        BillingPeriod period,
        @Nullable LocalDate paidUntil,
        HostedServiceStatus status,
        boolean autoRenew,
        long version,
        @Nullable Money nextPrice,
        @Nullable LocalDate nextPriceFrom) {

    HostedService {
        Objects.requireNonNull(id);
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(period);
        Objects.requireNonNull(status);
        if (!price.isPositive()) {
            throw new IllegalArgumentException("A service has a positive price");
        }
        if ((nextPrice == null) != (nextPriceFrom == null)) {
            throw new IllegalArgumentException("A price change needs both the price and the day it applies from");
        }
        if (nextPrice != null && (!nextPrice.isPositive() || !nextPrice.currency().equals(price.currency()))) {
            throw new IllegalArgumentException("A new price is positive and in the service's currency");
        }
        if (status != HostedServiceStatus.AWAITING_PAYMENT && status != HostedServiceStatus.TERMINATED
                && paidUntil == null) {
            throw new IllegalArgumentException(status + " service needs a paid-until date");
        }
    }

    /**
     * Where the next paid period starts: at paid-until while the service runs, or today when it never started or has
     * lapsed (a suspended service is not charged for the days it was switched off).
     */
    LocalDate nextPeriodStart(LocalDate today) {
        return paidUntil == null || paidUntil.isBefore(today) ? today : paidUntil;
    }

    List<PaidPeriod> nextPeriods(int count, LocalDate today) {
        LocalDate start = nextPeriodStart(today);
        List<PaidPeriod> periods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            periods.add(new PaidPeriod(period.after(start, i), period.after(start, i + 1)));
        }
        return periods;
    }

    /** Paid until {@code until}; a suspended service or one awaiting its first payment is switched on. */
    HostedService renewedUntil(LocalDate until) {
        requireMove(HostedServiceStatus.ACTIVE);
        if (paidUntil != null && !until.isAfter(paidUntil)) {
            throw new IllegalArgumentException(
                    "A renewal extends paid-until, %s is not after %s".formatted(until, paidUntil));
        }
        return new HostedService(id, accountId, name, kind, price, period, until, HostedServiceStatus.ACTIVE, autoRenew,
                version, nextPrice, nextPriceFrom);
    }

    HostedService suspended() {
        requireMove(HostedServiceStatus.SUSPENDED);
        return new HostedService(id, accountId, name, kind, price, period, paidUntil, HostedServiceStatus.SUSPENDED,
                autoRenew, version, nextPrice, nextPriceFrom);
    }

    /** The price of the period that starts on {@code periodStart}: the changed price from its day on. */
    Money priceFor(LocalDate periodStart) {
        return nextPrice != null && !periodStart.isBefore(nextPriceFrom) ? nextPrice : price;
    }

    /** Resumed by the provider (a suspension of its own ends); the paid time is what it was. */
    HostedService resumed() {
        requireMove(HostedServiceStatus.ACTIVE);
        if (status != HostedServiceStatus.SUSPENDED) {
            throw new IllegalTransitionException("Service " + id.value(), status, HostedServiceStatus.ACTIVE);
        }
        return new HostedService(id, accountId, name, kind, price, period, paidUntil, HostedServiceStatus.ACTIVE,
                autoRenew, version, nextPrice, nextPriceFrom);
    }

    /** Ended for good: never renewed again, and gone from the customer's services. */
    HostedService terminated() {
        requireMove(HostedServiceStatus.TERMINATED);
        return new HostedService(id, accountId, name, kind, price, period, paidUntil, HostedServiceStatus.TERMINATED,
                false, version, nextPrice, nextPriceFrom);
    }

    /**
     * A new price for the periods that start on or after {@code from} (today or later); earlier periods keep theirs.
     * A change already in effect becomes the price; one not yet in effect is replaced by this one.
     */
    HostedService priceChanged(Money newPrice, LocalDate from, LocalDate today) {
        if (status == HostedServiceStatus.TERMINATED) {
            throw new IllegalTransitionException("Service " + id.value(), status, status);
        }
        return new HostedService(id, accountId, name, kind, priceFor(today), period, paidUntil, status, autoRenew,
                version, newPrice, from);
    }

    /** A service suspended while its paid time lasts (a balance below zero) is switched on again, paid as it was. */
    HostedService resumed(LocalDate today) {
        requireMove(HostedServiceStatus.ACTIVE);
        if (status != HostedServiceStatus.SUSPENDED || paidUntil == null || !paidUntil.isAfter(today)) {
            throw new IllegalStateException("Only a suspended service with paid time left resumes by itself");
        }
        return new HostedService(id, accountId, name, kind, price, period, paidUntil, HostedServiceStatus.ACTIVE,
                autoRenew, version, nextPrice, nextPriceFrom);
    }

    /** Whether paid time ends on or before {@code day}. A service awaiting its first payment is never due. */
    boolean dueBy(LocalDate day) {
        return paidUntil != null && !paidUntil.isAfter(day);
    }

    boolean expiringSoon(LocalDate today, int withinDays) {
        return status == HostedServiceStatus.ACTIVE && dueBy(today.plusDays(withinDays));
    }

    private void requireMove(HostedServiceStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Service " + id.value(), status, next);
        }
    }
}
