package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.ledger.Ledger;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.ShortfallTopUps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guarded auto top-up (DD-105): decides under the rule's row lock whether to fire, fires one charge at a time
 * with an idempotency key per firing, and counts declines. After a decline there is no new attempt for
 * {@link #BACK_OFF}; after {@link #MAX_DECLINES} declines in a row it switches itself off and says so. The monthly cap
 * is checked under the same lock, against the firings of the month that are or may still become money, so two nodes
 * cannot exceed it together: the second waits for the lock and then sees the first in flight.
 */
@Component
class AutoTopUps {

    static final Duration BACK_OFF = Duration.ofHours(24);
    static final int MAX_DECLINES = 3;
    /** A firing recorded but never charged (the node died in between) is decided again, under its key, after this. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);

    /** The keys of threshold firings: per account and firing. */
    static final String KEY_PREFIX = "autotopup:";
    /** The keys of shortfall firings: per service and period (the auto-renewal job's, from before DD-105). */
    static final String SHORTFALL_KEY_PREFIX = "autorenew:";

    private static final Logger log = LoggerFactory.getLogger(AutoTopUps.class);

    private final RenewalSettingsStore settings;
    private final HostedServiceStore services;
    private final RenewalEventStore events;
    private final ShortfallTopUps topUps;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final RenewalProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AutoTopUps(RenewalSettingsStore settings, HostedServiceStore services, RenewalEventStore events,
               ShortfallTopUps topUps, Ledger ledger, AuditTrail audit, RenewalProperties properties,
               PlatformTransactionManager transactionManager, Clock clock) {
        this.settings = settings;
        this.services = services;
        this.events = events;
        this.topUps = topUps;
        this.ledger = ledger;
        this.audit = audit;
        this.properties = properties;
        // A new transaction even when called after another one committed (a listener), never joining it
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What a check did. */
    enum Outcome {
        /** Off, or no rule. */
        OFF,
        /** On, and no threshold crossed. */
        NOT_NEEDED,
        /** An earlier firing has not settled yet: nothing new. */
        IN_FLIGHT,
        /** Within the back-off after a decline. */
        BACKING_OFF,
        /** The month's cap leaves less than the top-up minimum. */
        CAP_REACHED,
        /** Fired and credited. */
        CREDITED,
        /** Fired; the provider has not answered finally (a bank's confirmation, a lost answer). */
        PENDING,
        /** Fired and declined, or the method could not be charged: the back-off starts. */
        DECLINED,
        /** Declined for the last time: switched off. */
        SWITCHED_OFF
    }

    /** What a check did, and why in words for the renewal activity ("Your card was declined."). */
    record Result(Outcome outcome, String message) {

        boolean credited() {
            return outcome == Outcome.CREDITED;
        }
    }

    private record Decision(Outcome outcome, @Nullable Firing firing, String message) {

        Decision(Outcome outcome, String message) {
            this(outcome, null, message);
        }
    }

    private record Firing(String key, AutoTopUpRule rule, Money amount) {
    }

    /** Checks the thresholds of the account's rule now, and fires when one is crossed. */
    Result check(AccountId accountId) {
        return check(accountId, null, null);
    }

    /**
     * Checks the account's rule now and fires when it says so. {@code shortfall}: what a due auto-renewal lacks, which
     * fires it whatever the thresholds, under {@code shortfallKey}, the key of its cause (the service and period), so
     * that a rerun after a crash makes the same single payment.
     */
    Result check(AccountId accountId, @Nullable Money shortfall, @Nullable String shortfallKey) {
        Decision decision = transaction.execute(status -> decide(accountId, shortfall, shortfallKey));
        if (decision == null) {
            return new Result(Outcome.OFF, "");
        }
        if (decision.firing() == null) {
            return new Result(decision.outcome(), decision.message());
        }
        Firing firing = decision.firing();
        ShortfallTopUps.Result result;
        try {
            result = topUps.topUpFromSavedMethod(accountId, firing.rule().payerId(), firing.rule().methodId(),
                    firing.amount(), firing.key());
        } catch (RuntimeException unknown) {
            // The key stays in flight; the next check asks for it again, and the key makes the charge once.
            log.warn("Auto top-up {} of account {}: outcome unknown", firing.key(), accountId.value(), unknown);
            return new Result(Outcome.PENDING, PENDING);
        }
        Result settled = transaction.execute(status -> settle(accountId, firing, result));
        return settled == null ? new Result(Outcome.PENDING, PENDING) : settled;
    }

    private static final String PENDING = "The automatic top-up is waiting for the provider's answer.";

    private Decision decide(AccountId accountId, @Nullable Money shortfall, @Nullable String shortfallKey) {
        Money balance = ledger.lockBalance(accountId);
        Optional<RenewalSettingsStore.Row> locked = settings.lock(accountId, balance.currency());
        if (locked.isEmpty() || !locked.get().rule().enabled() || locked.get().rule().payerId() == null) {
            return new Decision(Outcome.OFF, "Automatic top-up is off.");
        }
        AutoTopUpRule rule = locked.get().rule();
        AutoTopUpState state = locked.get().state();
        Instant now = clock.instant();
        @Nullable String abandoned = null;
        if (state.inFlightKey() != null) {
            Optional<PaymentStatus> earlier = topUps.statusOf(state.inFlightKey());
            if (earlier.isEmpty()) {
                if (state.inFlightSince() != null && now.isBefore(state.inFlightSince().plus(ABANDONED_AFTER))) {
                    return new Decision(Outcome.IN_FLIGHT, PENDING);
                }
                // Recorded but never charged (the node died): decided afresh, under the same key, so that a charge
                // of the old attempt still under way ends in the same single payment
                abandoned = state.inFlightKey();
            } else {
                PaymentStatus status = earlier.get();
                Result resolved = resolve(accountId, rule, state, status, now,
                        "The payment was " + status.label().toLowerCase(Locale.ROOT) + ".");
                if (!resolved.credited()) {
                    return new Decision(resolved.outcome(), resolved.message());
                }
                state = settings.lock(accountId, balance.currency()).orElseThrow().state();
                balance = ledger.lockBalance(accountId);
            }
        }
        if (state.backingOff(now)) {
            return new Decision(Outcome.BACKING_OFF, "After a declined automatic top-up, the next attempt waits "
                    + "until " + minutes(Objects.requireNonNull(state.retryAfter())) + ".");
        }
        if (shortfall == null && !thresholdCrossed(accountId, rule, balance)) {
            return new Decision(Outcome.NOT_NEEDED, "");
        }
        Optional<Money> wanted = amount(rule, balance, shortfall);
        if (wanted.isEmpty()) {
            return new Decision(Outcome.NOT_NEEDED, "");
        }
        Money amount;
        try {
            amount = topUps.amountFor(wanted.get());
        } catch (InvalidRequestException aboveTheMaximum) {
            // One payment's worth: the next check tops up the rest
            amount = topUps.maximumFor(balance.currency());
        }
        if (rule.monthlyCap() != null) {
            Money used = usedThisMonth(accountId, balance.currency(), now);
            Money left = rule.monthlyCap().minus(used);
            if (amount.isGreaterThan(left)) {
                amount = left;
            }
            if (!amount.isPositive() || !topUps.meetsMinimum(amount)) {
                return new Decision(Outcome.CAP_REACHED, "This month's automatic top-ups have reached their cap of "
                        + rule.monthlyCap().format() + ".");
            }
        }
        long firing = abandoned == null && shortfallKey == null ? state.firings() + 1 : state.firings();
        String key = abandoned != null ? abandoned : shortfallKey != null ? shortfallKey : KEY_PREFIX
                + accountId.value() + ":" + firing;
        settings.saveState(accountId, new AutoTopUpState(state.declines(), state.retryAfter(), state.switchedOffAt(),
                key, now, firing));
        return new Decision(Outcome.PENDING, new Firing(key, rule, amount), PENDING);
    }

    /** The rule's amount for this balance; empty when up-to-target is already reached and nothing is short. */
    private static Optional<Money> amount(AutoTopUpRule rule, Money balance, @Nullable Money shortfall) {
        Money zero = Money.zero(balance.currency());
        Money needed = shortfall == null ? zero : shortfall;
        Money chosen = switch (rule.amountMode()) {
            case SHORTFALL -> needed;
            case FIXED -> rule.amount() == null ? needed : rule.amount();
            case UP_TO -> rule.amount() == null ? needed : rule.amount().minus(balance);
        };
        Money amount = chosen.isLessThan(needed) ? needed : chosen;
        return amount.isPositive() ? Optional.of(amount) : Optional.empty();
    }

    private boolean thresholdCrossed(AccountId accountId, AutoTopUpRule rule, Money balance) {
        if (rule.amountMode() == AutoTopUpRule.AmountMode.SHORTFALL) {
            return false;
        }
        if (rule.belowBalance() != null && balance.isLessThan(rule.belowBalance())) {
            return true;
        }
        if (rule.belowRunwayDays() != null) {
            Runway runway = RunwayForecast.of(services.findByAccount(accountId), balance.currency(), today())
                    .runway(balance);
            return runway.shorterThan(rule.belowRunwayDays());
        }
        return false;
    }

    private Result settle(AccountId accountId, Firing firing, ShortfallTopUps.Result result) {
        Money balance = ledger.lockBalance(accountId);
        RenewalSettingsStore.Row row = settings.lock(accountId, balance.currency()).orElseThrow();
        if (!firing.key().equals(row.state().inFlightKey())) {
            // Settled by another check meanwhile
            return new Result(result.credited() ? Outcome.CREDITED : Outcome.PENDING, result.message());
        }
        Instant now = clock.instant();
        Optional<PaymentStatus> status = result.status() == ShortfallTopUps.Result.Status.NO_METHOD
                ? Optional.empty() : topUps.statusOf(firing.key());
        if (status.isEmpty()) {
            // No payment was made: no method to charge, or refused before (the daily caps). It counts as a decline.
            return declined(accountId, row.rule(), row.state(), now, result.message());
        }
        return resolve(accountId, row.rule(), row.state(), status.get(), now, result.message());
    }

    /** The payment of the firing in flight has this status now: credit clears the guards, a decline counts. */
    private Result resolve(AccountId accountId, AutoTopUpRule rule, AutoTopUpState state, PaymentStatus status,
                           Instant now, String why) {
        if (status == PaymentStatus.WAITING_FOR_PAYMENT || status == PaymentStatus.WAITING_FOR_CLARIFICATION) {
            return new Result(Outcome.IN_FLIGHT, PENDING);
        }
        if (status.isCredited() || status == PaymentStatus.REFUNDED) {
            settings.saveState(accountId, new AutoTopUpState(0, null, null, null, null, state.firings()));
            record(accountId, "hosting.auto-top-up.credited", "Automatic top-up credited",
                    RenewalActivity.Kind.AUTO_TOP_UP, why, now);
            return new Result(Outcome.CREDITED, why);
        }
        return declined(accountId, rule, state, now, why);
    }

    private Result declined(AccountId accountId, AutoTopUpRule rule, AutoTopUpState state, Instant now,
                             String why) {
        int declines = state.declines() + 1;
        if (declines >= MAX_DECLINES) {
            settings.saveState(accountId, new AutoTopUpState(declines, null, now, null, null, state.firings()));
            settings.switchOff(accountId);
            record(accountId, "hosting.auto-top-up.switched-off", "Automatic top-up switched off after "
                            + declines + " declines in a row", RenewalActivity.Kind.AUTO_TOP_UP_OFF,
                    ("Automatic top-up declined %d times in a row, and switched off: %s Check the payment method, "
                            + "then switch it on again.").formatted(declines, why), now);
            return new Result(Outcome.SWITCHED_OFF, why);
        }
        Instant retryAfter = now.plus(BACK_OFF);
        settings.saveState(accountId, new AutoTopUpState(declines, retryAfter, null, null, null, state.firings()));
        record(accountId, "hosting.auto-top-up.declined", "Automatic top-up declined (" + declines + " of "
                        + MAX_DECLINES + ")", RenewalActivity.Kind.AUTO_TOP_UP_DECLINED,
                ("Automatic top-up declined: %s No new attempt before %s (%d of %d declines before it switches "
                        + "itself off).").formatted(why, minutes(retryAfter), declines, MAX_DECLINES), now);
        return new Result(Outcome.DECLINED, why);
    }

    private void record(AccountId accountId, String action, String auditText, RenewalActivity.Kind kind,
                        String message, Instant now) {
        events.record(accountId, null, kind, message, now);
        audit.record(AuditEvent.of(action, auditText).account(accountId));
    }

    Money usedThisMonth(AccountId accountId, Currency currency, Instant now) {
        LocalDate firstOfMonth = LocalDate.ofInstant(now, properties.zone()).withDayOfMonth(1);
        return topUps.totalSince(accountId, List.of(KEY_PREFIX, SHORTFALL_KEY_PREFIX),
                firstOfMonth.atStartOfDay(properties.zone()).toInstant(), currency);
    }

    /** As the stored activity lines write times: "2026-12-05 19:33 UTC". */
    private static String minutes(Instant at) {
        return MINUTES.format(at);
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
