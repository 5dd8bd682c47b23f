package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.ledger.Ledger;
import dev.billfold.polling.BackgroundWork;
import dev.billfold.polling.HeldClaims;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily auto-renewal: renews services with auto-renew whose paid time ends within the configured days, from the
 * balance; tops up a short balance from the payer's default saved method where the account allows it; tells the
 * customer when a renewal fails; suspends services whose paid time has passed.
 *
 * <p>Safe on several nodes and across restarts: each service is claimed in a short transaction
 * ({@code FOR UPDATE SKIP LOCKED}, then a lease), renewed in a transaction of its own that re-checks under the locks
 * that it is still due, and marked done for the day. A run that dies leaves a lease that expires, and the next run
 * takes the service again; it cannot charge twice, because the renewal re-checks paid-until under the lock, every
 * period is charged under a unique key, and the top-up reuses its idempotency key per service and period.
 * At shutdown (DD-087) it claims nothing more; the service under way finishes, and its claim is given back at once
 * if that takes longer than the shutdown allows.
 */
@Component
class AutoRenewalJob {

    private static final Logger log = LoggerFactory.getLogger(AutoRenewalJob.class);

    private final HostedServiceStore services;
    private final RenewalCharger charger;
    private final RenewalSettingsStore settings;
    private final RenewalEventStore events;
    private final RenewalOrders orders;
    private final AutoTopUps autoTopUps;
    private final RenewalProperties properties;
    private final Ledger ledger;
    private final NegativeBalanceProperties negative;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher published;
    private final Clock clock;
    private final MeterRegistry registry;
    private final BackgroundWork work;
    private final HeldClaims held;

    AutoRenewalJob(HostedServiceStore services, RenewalCharger charger, RenewalSettingsStore settings,
                   RenewalEventStore events, RenewalOrders orders, AutoTopUps autoTopUps,
                   RenewalProperties properties, Ledger ledger, NegativeBalanceProperties negative,
                   PlatformTransactionManager transactionManager, ApplicationEventPublisher published, Clock clock,
                   MeterRegistry registry, BackgroundWork work, HeldClaims held) {
        this.registry = registry;
        this.work = work;
        this.held = held;
        // Present from the start, so that a rate over them is a zero rather than no series (DD-084).
        registry.counter("billfold.renewals.runs");
        for (String result : new String[] {"renewed", "failed", "suspended"}) {
            registry.counter(SERVICES, "result", result);
        }
        this.published = published;
        this.ledger = ledger;
        this.negative = negative;
        this.services = services;
        this.charger = charger;
        this.settings = settings;
        this.events = events;
        this.orders = orders;
        this.autoTopUps = autoTopUps;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What one run did. */
    record Report(int ordersCompleted, int renewed, int failed, int notDue, int suspended) {
    }

    /** Text of the renewal activity while a balance below zero pauses auto-renewal. */
    static final String PAUSED = "Auto-renewal paused: the balance is below zero after money went back to the payer "
            + "(a refund or a dispute). Nothing is charged, and no automatic top-up is made, until the balance is back "
            + "at zero or above; top up to settle it.";

    enum Result { RENEWED, FAILED, NOT_DUE, ERROR }

    static final String SERVICES = "billfold.renewals.services";

    Report runOnce() {
        LocalDate today = today();
        int ordersCompleted = orders.completeSettled();
        int renewed = 0;
        int failed = 0;
        int notDue = 0;
        Optional<Claim> claimed;
        while (!work.stopping() && (claimed = claim(today)).isPresent()) {
            Claim claim = claimed.get();
            try (HeldClaims.Held holding = held.hold("service " + claim.id().value(),
                    () -> services.releaseClaim(claim.id(), claim.until()))) {
                switch (process(claim.id(), today)) {
                    case RENEWED -> renewed++;
                    case FAILED -> failed++;
                    case NOT_DUE -> notDue++;
                    case ERROR -> failed++;
                }
            }
        }
        if (!work.stopping()) {
            checkThresholds();
        }
        int suspended = 0;
        if (work.stopping()) {
            log.info("Shutdown: auto-renewal stopped claiming; suspensions wait for the next run");
        } else {
            suspended = suspendLapsed(today) + suspendOverdrawn(today);
            resumeSettled(today);
        }
        Report report = new Report(ordersCompleted, renewed, failed, notDue, suspended);
        log.info("Auto-renewal for {}: {}", today, report);
        // The run as counts (DD-084): runs, and services per result.
        registry.counter("billfold.renewals.runs").increment();
        registry.counter(SERVICES, "result", "renewed").increment(renewed);
        registry.counter(SERVICES, "result", "failed").increment(failed);
        registry.counter(SERVICES, "result", "suspended").increment(suspended);
        return report;
    }

    /**
     * Once a day, every rule with a threshold of its own is checked, so that a balance or runway that fell below it
     * without a renewal (a refund, a price change, time passing) is topped up too. Each check takes the rule's lock.
     */
    void checkThresholds() {
        for (AccountId account : settings.withThresholds(THRESHOLD_CHECKS_PER_RUN)) {
            if (work.stopping()) {
                return;
            }
            try {
                autoTopUps.check(account);
            } catch (RuntimeException e) {
                log.error("Auto top-up check of account {} failed", account.value(), e);
            }
        }
    }

    static final int THRESHOLD_CHECKS_PER_RUN = 10_000;

    /** A service this run holds until {@code until} (milliseconds, so that a release names its own lease). */
    record Claim(HostedServiceId id, Instant until) {
    }

    Optional<HostedServiceId> claimNext(LocalDate today) {
        return claim(today).map(Claim::id);
    }

    private Optional<Claim> claim(LocalDate today) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.claimLease()).truncatedTo(ChronoUnit.MILLIS);
        Optional<HostedServiceId> id = transaction.execute(status -> services.claimNextDue(
                today.plusDays(properties.dueWithinDays()), today, now, until));
        return id == null ? Optional.empty() : id.map(claimed -> new Claim(claimed, until));
    }

    Result process(HostedServiceId id, LocalDate today) {
        try {
            Result result = renewOrTopUp(id, today);
            transaction.executeWithoutResult(status -> services.markChecked(id, today));
            return result;
        } catch (RuntimeException e) {
            // The claim stays until its lease ends (or shutdown gives it back); the next run tries again.
            log.error("Auto-renewal of service {} failed", id.value(), e);
            return Result.ERROR;
        }
    }

    private Result renewOrTopUp(HostedServiceId id, LocalDate today) {
        HostedService service = services.findById(id).orElseThrow();
        AccountId account = service.accountId();
        if (ledger.negativeSince(account).isPresent()) {
            // Money went back to the payer and the balance is below zero: neither the balance nor the saved method
            // is charged until it is above zero again (DD-069).
            return failed(service, PAUSED);
        }
        Currency currency = service.price().currency();
        List<RenewalLine> line = List.of(new RenewalLine(id, 1));
        LocalDate dueBy = today.plusDays(properties.dueWithinDays());
        RenewalCharger.Outcome outcome;
        try {
            outcome = transaction.execute(status -> charger.renew(account, currency, line,
                    RenewalChargeStore.Source.AUTO, today, dueBy));
        } catch (InvalidRequestException invalid) {
            return failed(service, "Renewal failed: " + invalid.getMessage());
        }
        if (outcome instanceof RenewalCharger.Outcome.Short shortBalance) {
            PaidPeriod period = shortBalance.plan().items().getFirst().paidPeriods().getFirst();
            String key = AutoTopUps.SHORTFALL_KEY_PREFIX + id.value() + ":" + period.start();
            AutoTopUps.Result topUp = autoTopUps.check(account, shortBalance.shortfall(), key);
            if (topUp.outcome() == AutoTopUps.Outcome.OFF) {
                return failed(service, ("Renewal failed: insufficient balance. %s is needed, the balance is %s. Top up "
                        + "and renew, or we try again tomorrow.").formatted(shortBalance.plan().total().format(),
                        shortBalance.balance().format()));
            }
            if (!topUp.credited()) {
                return failed(service, "Renewal failed: insufficient balance, and the automatic top-up did not go "
                        + "through. " + topUp.message());
            }
            outcome = transaction.execute(status -> charger.renew(account, currency, line,
                    RenewalChargeStore.Source.AUTO, today, dueBy));
            if (outcome instanceof RenewalCharger.Outcome.Short stillShort) {
                return failed(service,
                        "Renewal failed: insufficient balance after the automatic top-up (%s needed, %s available)."
                                .formatted(stillShort.plan().total().format(), stillShort.balance().format()));
            }
        }
        if (outcome instanceof RenewalCharger.Outcome.Renewed) {
            // The renewal may have taken the balance under the rule's threshold
            autoTopUps.check(account);
            return Result.RENEWED;
        }
        return Result.NOT_DUE;
    }

    private Result failed(HostedService service, String message) {
        transaction.executeWithoutResult(status -> {
            events.record(service.accountId(), service.id(), RenewalActivity.Kind.RENEWAL_FAILED, message,
                    clock.instant());
            // One failure a day at most: the job marks the service checked for the day after it.
            published.publishEvent(new ServiceChanged(service.accountId(), service.id(),
                    ServiceChanged.Change.RENEWAL_FAILED, service.paidUntil(),
                    "renewal_failed:" + service.id().value() + ":" + today(), message));
        });
        return Result.FAILED;
    }

    /** Active services whose paid time has passed are switched off, and the customer is told. */
    int suspendLapsed(LocalDate today) {
        Instant now = clock.instant();
        Integer count = transaction.execute(status -> {
            List<HostedService> lapsed = services.lockLapsed(today, now);
            for (HostedService service : lapsed) {
                services.update(service.suspended());
                events.record(service.accountId(), service.id(), RenewalActivity.Kind.SUSPENDED,
                        "Suspended: it was paid until %s. Renew it to switch it back on."
                                .formatted(service.paidUntil()), now);
                published.publishEvent(new ServiceChanged(service.accountId(), service.id(),
                        ServiceChanged.Change.SUSPENDED, service.paidUntil(),
                        "suspended:" + service.id().value() + ":" + service.paidUntil(), null));
            }
            return lapsed.size();
        });
        return count == null ? 0 : count;
    }

    /**
     * Active services of accounts whose balance has been below zero for longer than the grace period are switched
     * off, as lapsed ones are, and the customer is told; they switch on again by themselves once the balance is back
     * (DD-069).
     */
    int suspendOverdrawn(LocalDate today) {
        Instant now = clock.instant();
        List<AccountId> overdrawn = ledger.negativeSince(now.minus(negative.gracePeriod()), negative.batchSize());
        if (overdrawn.isEmpty()) {
            return 0;
        }
        Integer count = transaction.execute(status -> {
            List<HostedService> active = services.lockActiveOf(overdrawn, now);
            for (HostedService service : active) {
                Instant since = ledger.negativeSince(service.accountId()).orElse(now);
                services.update(service.suspended());
                services.markSuspendedOverdrawn(service.id(), true);
                events.record(service.accountId(), service.id(), RenewalActivity.Kind.SUSPENDED,
                        ("Suspended: the balance has been below zero since %s, after money went back to the payer. "
                                + "Top up to bring it back to zero or above, and the service switches back on.")
                                .formatted(LocalDate.ofInstant(since, properties.zone())), now);
            }
            return active.size();
        });
        return count == null ? 0 : count;
    }

    /** Services suspended for a balance below zero switch on again once it is back, while their paid time lasts. */
    int resumeSettled(LocalDate today) {
        Instant now = clock.instant();
        Integer count = transaction.execute(status -> {
            int resumed = 0;
            for (HostedService service : services.lockSuspendedOverdrawn(negative.batchSize())) {
                if (ledger.negativeSince(service.accountId()).isPresent()) {
                    continue;
                }
                services.markSuspendedOverdrawn(service.id(), false);
                if (service.paidUntil() != null && service.paidUntil().isAfter(today)) {
                    services.update(service.resumed(today));
                    events.record(service.accountId(), service.id(), RenewalActivity.Kind.RESUMED,
                            "Switched back on: the balance is no longer below zero.", now);
                    resumed++;
                }
            }
            return resumed;
        });
        return count == null ? 0 : count;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
