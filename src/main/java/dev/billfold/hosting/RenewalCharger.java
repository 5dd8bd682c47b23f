package dev.billfold.hosting;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerEntryKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that charges the balance for renewals, for the customer, a renewal order and the job alike. It runs
 * inside the caller's transaction and holds the account lock, the services' row locks and the balance row lock, so
 * the check "the balance covers it" and the charges cannot be raced: the balance never goes negative through a
 * renewal. Each period is one CHARGE entry with the cause {@code renewal:<serviceId>:<periodStart>} plus a
 * {@code renewal_charge} row keyed by (service, period start); a second charge for the same period fails on either
 * unique key and rolls everything back.
 *
 * <p>Deliberately not {@code @Transactional}: bad input is thrown before anything is written, and callers that catch
 * it (a renewal order that fails) must be able to commit their own change in the same transaction.
 */
@Component
class RenewalCharger {

    private final AccountAccess access;
    private final Ledger ledger;
    private final HostedServiceStore services;
    private final RenewalChargeStore charges;
    private final RenewalEventStore events;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    RenewalCharger(AccountAccess access, Ledger ledger, HostedServiceStore services, RenewalChargeStore charges,
                   RenewalEventStore events, ApplicationEventPublisher published, Clock clock) {
        this.published = published;
        this.access = access;
        this.ledger = ledger;
        this.services = services;
        this.charges = charges;
        this.events = events;
        this.clock = clock;
    }

    sealed interface Outcome {
        record Renewed(RenewalPlan plan, Money balanceAfter) implements Outcome {
        }

        record Short(RenewalPlan plan, Money balance, Money shortfall) implements Outcome {
        }

        /** The job's service was renewed meanwhile (by the customer or another run): nothing to do. */
        record NotDue() implements Outcome {
        }
    }

    /**
     * Renews the lines from the balance, or reports the shortfall and changes nothing.
     *
     * @param onlyIfDueBy for the job: renew only if the service is (still) due by this day, checked under the lock
     */
    Outcome renew(AccountId accountId, Currency currency, List<RenewalLine> lines, RenewalChargeStore.Source source,
                  LocalDate today, @Nullable LocalDate onlyIfDueBy) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Renewals are charged inside a transaction");
        }
        RenewalPlan.requireWellFormed(lines);
        access.lockForUpdate(accountId);
        List<HostedService> locked = services.lockAll(accountId, lines.stream().map(RenewalLine::serviceId).toList());
        if (onlyIfDueBy != null && locked.stream().anyMatch(service -> !service.dueBy(onlyIfDueBy)
                || service.status() == HostedServiceStatus.AWAITING_PAYMENT)) {
            return new Outcome.NotDue();
        }
        RenewalPlan plan = RenewalPlan.of(locked, lines, today, currency);
        Money balance = ledger.lockBalance(accountId);
        if (plan.total().isGreaterThan(balance)) {
            return new Outcome.Short(plan, balance, plan.total().minus(balance));
        }
        Instant now = clock.instant();
        for (RenewalPlan.Item item : plan.items()) {
            HostedService service = item.service();
            for (PaidPeriod period : item.paidPeriods()) {
                String reference = "renewal:" + service.id().value() + ":" + period.start();
                Money price = service.priceFor(period.start());
                ledger.post(accountId, price.negate(), LedgerEntryKind.CHARGE, reference);
                charges.insert(service, period, price, reference, source, now);
            }
            services.update(service.renewedUntil(item.newPaidUntil()));
            events.record(accountId, service.id(), RenewalActivity.Kind.RENEWED,
                    "Renewed for %s until %s: %s charged to the balance."
                            .formatted(item.term(), item.newPaidUntil(), item.cost().format()), now);
            String cause = service.id().value() + ":" + item.newPaidUntil();
            published.publishEvent(new ServiceChanged(accountId, service.id(), ServiceChanged.Change.RENEWED,
                    item.newPaidUntil(), "renewed:" + cause, null));
            if (service.status() == HostedServiceStatus.SUSPENDED) {
                published.publishEvent(new ServiceChanged(accountId, service.id(), ServiceChanged.Change.RESUMED,
                        item.newPaidUntil(), "resumed:" + cause, null));
            }
        }
        Money after = ledger.lockBalance(accountId);
        if (after.isNegative()) {
            // Cannot happen under the locks above; if it ever did, roll the whole renewal back rather than overdraw.
            throw new IllegalStateException("Renewal would overdraw account " + accountId.value());
        }
        return new Outcome.Renewed(plan, after);
    }
}
