package dev.billfold.hosting;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountContext;
import dev.billfold.account.Payer;
import dev.billfold.account.PayerId;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.ledger.Ledger;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.ShortfallTopUps;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renewals as the customer makes them: the services with what renewing costs, paying from the balance, topping up a
 * shortfall with the renewal completing by itself, and the auto-renew switches. Every method checks access; moving
 * money and changing switches needs an Owner or Billing member.
 */
@Service
public class RenewalService {

    /** The spans the cover presets offer: 3 months and a year. */
    private static final List<Integer> COVER_MONTHS = List.of(3, 12);

    private final AccountAccess access;
    private final HostedServiceStore services;
    private final RenewalCharger charger;
    private final Ledger ledger;
    private final ShortfallTopUps shortfalls;
    private final TopUpService topUps;
    private final RenewalOrderStore orders;
    private final RenewalSettingsStore settings;
    private final RenewalEventStore events;
    private final RenewalProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AuditTrail audit;
    private final AutoTopUps autoTopUps;
    private final AutoTopUpAfterRenewal afterRenewal;
    private final PaymentMethodService methods;

    RenewalService(AccountAccess access, HostedServiceStore services, RenewalCharger charger, Ledger ledger,
                   ShortfallTopUps shortfalls, TopUpService topUps, RenewalOrderStore orders,
                   RenewalSettingsStore settings, RenewalEventStore events, RenewalProperties properties,
                   PlatformTransactionManager transactionManager, Clock clock, AuditTrail audit,
                   AutoTopUps autoTopUps, PaymentMethodService methods, AutoTopUpAfterRenewal afterRenewal) {
        this.autoTopUps = autoTopUps;
        this.afterRenewal = afterRenewal;
        this.methods = methods;
        this.access = access;
        this.services = services;
        this.charger = charger;
        this.ledger = ledger;
        this.shortfalls = shortfalls;
        this.topUps = topUps;
        this.orders = orders;
        this.settings = settings;
        this.events = events;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.audit = audit;
    }

    /** The current account's services, with the terms each can be renewed for. */
    @Transactional(readOnly = true)
    public List<HostedServiceSummary> services() {
        AccountContext account = access.current();
        LocalDate today = today();
        return services.findByAccount(account.accountId()).stream().map(service -> summary(service, today)).toList();
    }

    /** How long the current account's balance lasts its services (DD-104). */
    @Transactional(readOnly = true)
    public Runway runway() {
        AccountContext account = access.current();
        return forecast(account).runway(ledger.balance(account.accountId()));
    }

    /**
     * Top-ups that keep the current account's services paid for 3 months and for a year, within the top-up limits;
     * none for a span the balance already covers, or one that would take more than one payment (DD-104).
     */
    @Transactional(readOnly = true)
    public List<CoverPreset> coverPresets() {
        return runwayAndCovers().covers();
    }

    /** The runway and the cover presets from one read of the services and the balance: the top-up page's. */
    @Transactional(readOnly = true)
    public RunwayAndCovers runwayAndCovers() {
        AccountContext account = access.current();
        RunwayForecast forecast = forecast(account);
        Money balance = ledger.balance(account.accountId());
        return new RunwayAndCovers(forecast.runway(balance), covers(forecast, balance));
    }

    public record RunwayAndCovers(Runway runway, List<CoverPreset> covers) {
    }

    private List<CoverPreset> covers(RunwayForecast forecast, Money balance) {
        List<CoverPreset> presets = new ArrayList<>();
        for (int months : COVER_MONTHS) {
            LocalDate until = forecast.today().plusMonths(months);
            Money needed = forecast.neededUntil(until, balance);
            if (!needed.isPositive()) {
                continue;
            }
            try {
                presets.add(new CoverPreset(months, until, shortfalls.amountFor(needed)));
            } catch (InvalidRequestException aboveTheMaximum) {
                // More than one payment may take: no preset, the customer types an amount
            }
        }
        return List.copyOf(presets);
    }

    /** A runway shorter than this is shown as a warning. */
    public int runwayWarningDays() {
        return properties.runwayWarningDays();
    }

    private RunwayForecast forecast(AccountContext account) {
        return RunwayForecast.of(services.findByAccount(account.accountId()), account.currency(), today());
    }

    /** What the chosen renewal costs against the balance. Changes nothing. */
    @Transactional(readOnly = true)
    public RenewalQuote quote(List<RenewalLine> lines) {
        AccountContext account = access.current();
        requireOwnServices(lines);
        RenewalPlan.requireWellFormed(lines);
        List<HostedService> chosen = services.findByAccount(account.accountId());
        RenewalPlan plan = RenewalPlan.of(chosen, lines, today(), account.currency());
        Money balance = ledger.balance(account.accountId());
        Money shortfall = plan.total().isGreaterThan(balance) ? plan.total().minus(balance)
                : Money.zero(account.currency());
        Money topUp = null;
        String problem = null;
        if (shortfall.isPositive()) {
            try {
                topUp = shortfalls.amountFor(shortfall);
            } catch (InvalidRequestException cannot) {
                problem = cannot.getMessage();
            }
        }
        return new RenewalQuote(lines(plan), plan.total(), balance, shortfall, topUp, problem);
    }

    /**
     * Pays the renewal from the balance, all or nothing. A short balance changes nothing and is reported with the
     * amount missing.
     */
    public RenewalReceipt renewFromBalance(List<RenewalLine> lines) {
        requireOwnServices(lines);
        AccountContext account = requireMoveMoney();
        RenewalCharger.Outcome outcome = transaction.execute(status -> charger.renew(account.accountId(),
                account.currency(), lines, RenewalChargeStore.Source.MANUAL, today(), null));
        if (outcome instanceof RenewalCharger.Outcome.Short shortBalance) {
            throw InvalidRequestException.keyed("balance", "errors.renewal.short", shortBalance.shortfall(),
                    shortBalance.plan().total(), shortBalance.balance());
        }
        RenewalCharger.Outcome.Renewed renewed = (RenewalCharger.Outcome.Renewed) outcome;
        // Committed: the renewal may have taken the balance under the auto top-up's threshold
        afterRenewal.checkSoon(account.accountId());
        RenewalPlan plan = renewed.plan();
        return new RenewalReceipt(lines(plan), plan.total(), renewed.balanceAfter());
    }

    /**
     * The balance is short: tops up the shortfall with the payer's chosen method and renews when that payment is
     * credited, without a second click. A renewal order is stored first under the payment's idempotency key, then the
     * top-up is made the usual way; the order completes when the payment settles (at once for a saved card, on
     * return from a checkout, or when an invoice is paid). A refused top-up leaves nothing behind.
     */
    public ShortfallOutcome topUpAndRenew(List<RenewalLine> lines, PayerId payerId, MethodChoice method,
                                          boolean saveMethod, String requestKey) {
        // ids from outside first, so that a foreign one is refused and logged as such
        requireOwnServices(lines);
        topUps.requireOwnIds(payerId, method);
        AccountContext account = requireMoveMoney();
        try {
            UUID.fromString(requestKey);
        } catch (IllegalArgumentException malformed) {
            throw InvalidRequestException.keyed(null, "errors.request.malformed");
        }
        String paymentKey = TopUpRequest.idempotencyKeyFor(requestKey);
        RenewalQuote quote = quote(lines);
        UUID placed = null;
        var existing = orders.findByPaymentKey(paymentKey);
        if (existing.isPresent()) {
            if (!existing.get().accountId().equals(account.accountId())) {
                throw InvalidRequestException.keyed(null, "errors.request.reused");
            }
        } else {
            if (quote.coveredByBalance()) {
                throw InvalidRequestException.keyed(null, "errors.renewal.covered");
            }
            if (quote.topUpAmount() == null) {
                throw new InvalidRequestException("amount", quote.topUpProblem());
            }
            try {
                Instant now = clock.instant();
                placed = transaction.execute(status -> {
                    UUID id = orders.insert(account.accountId(), paymentKey, quote.total(), lines, now);
                    events.record(account.accountId(), null, RenewalActivity.Kind.ORDER_PLACED,
                            "Renewal ordered (%s): waiting for the top-up of %s.".formatted(quote.lines().stream()
                                    .map(line -> line.serviceName() + " for " + line.term())
                                    .collect(Collectors.joining(", ")),
                                    quote.topUpAmount().format()), now);
                    return id;
                });
            } catch (DuplicateKeyException doubleSubmit) {
                placed = null;
            }
        }
        // A repeated submit replays the first payment whatever the amount; a first one tops up the shortfall.
        Money amount = quote.topUpAmount() != null ? quote.topUpAmount() : shortfalls.amountFor(quote.total());
        TopUpOutcome outcome;
        try {
            outcome = topUps.topUp(new TopUpRequest(payerId, amount.value().toPlainString(), method, saveMethod,
                    requestKey));
        } catch (InvalidRequestException refused) {
            if (placed != null) {
                UUID discard = placed;
                transaction.executeWithoutResult(status -> orders.discard(discard));
            }
            throw refused;
        }
        return switch (outcome) {
            case TopUpOutcome.RedirectToProvider redirect -> new ShortfallOutcome.RedirectToProvider(redirect.url());
            case TopUpOutcome.Completed completed -> finished(paymentKey, completed.message());
            case TopUpOutcome.WaitingForPhone phone -> finished(paymentKey, phone.message());
        };
    }

    private ShortfallOutcome finished(String paymentKey, String paymentMessage) {
        RenewalOrderStore.Order order = orders.findByPaymentKey(paymentKey).orElseThrow();
        return switch (order.status()) {
            case COMPLETED, FAILED -> new ShortfallOutcome.Finished(order.status(), String.valueOf(order.reason()));
            case AWAITING_PAYMENT -> new ShortfallOutcome.Finished(order.status(),
                    paymentMessage + " The renewal completes by itself once the top-up is credited.");
        };
    }

    /** Switches auto-renewal of one service on or off. */
    @Transactional
    public HostedServiceSummary setAutoRenew(HostedServiceId serviceId, boolean autoRenew) {
        HostedService service = services.findById(serviceId).orElse(null);
        access.requireOwner(service == null ? null : service.accountId(), serviceId, AccountAccess.Action.MOVE_MONEY,
                InvalidRequestException.keyed("service", "errors.renewal.auto-renew-denied"));
        services.setAutoRenew(serviceId, autoRenew);
        if (service.autoRenew() != autoRenew) {
            audit.record(AuditEvent.of("hosting.auto-renew.switched",
                            "Switched auto-renewal %s for %s".formatted(autoRenew ? "on" : "off", service.name()))
                    .account(service.accountId()).subject(serviceId)
                    .change(onOff(service.autoRenew()), onOff(autoRenew)));
        }
        return summary(services.findById(serviceId).orElseThrow(), today());
    }

    @Transactional(readOnly = true)
    public AutoTopUpSetting autoTopUp() {
        return settings.find(access.current().accountId());
    }

    /**
     * Lets the auto-renewal job top up a short balance from {@code payerId}'s default saved method, or stops it. The
     * payer must be one of the account's own.
     */
    @Transactional
    public AutoTopUpSetting setAutoTopUp(boolean enabled, @Nullable PayerId payerId) {
        Payer checked = payerId == null ? null : access.requirePayer(payerId, AccountAccess.Action.VIEW);
        AccountContext account = requireMoveMoney();
        PayerId payer = null;
        if (enabled) {
            if (checked == null) {
                throw InvalidRequestException.keyed("payer", "errors.renewal.payer-needed");
            }
            if (!checked.accountId().equals(account.accountId())) {
                throw InvalidRequestException.keyed("payer", "errors.payer.foreign");
            }
            payer = checked.id();
        }
        access.lockForUpdate(account.accountId());
        AutoTopUpSetting before = settings.find(account.accountId());
        settings.save(account.accountId(), enabled, payer);
        if (before.enabled() != enabled || !Objects.equals(before.payerId(), payer)) {
            audit.record(AuditEvent.of("hosting.auto-top-up.switched", enabled
                            ? "Let auto-renewal top up from " + checked.legalName() + "'s default saved method"
                            : "Stopped automatic top-ups for auto-renewal")
                    .account(account.accountId()).subject(payer).change(onOff(before.enabled()), onOff(enabled)));
        }
        return settings.find(account.accountId());
    }

    /** The current account's auto top-up: its rule, its guards' state and what it topped up this month (DD-105). */
    @Transactional(readOnly = true)
    public AutoTopUpSettings autoTopUpSettings() {
        AccountContext account = access.current();
        RenewalSettingsStore.Row row = settings.find(account.accountId(), account.currency())
                .orElse(new RenewalSettingsStore.Row(AutoTopUpRule.off(), AutoTopUpState.NONE));
        return new AutoTopUpSettings(row.rule(), row.state(),
                autoTopUps.usedThisMonth(account.accountId(), account.currency(), clock.instant()));
    }

    /**
     * Sets the current account's auto top-up (DD-105). The payer must be the account's, a chosen method that payer's
     * and chargeable; amounts in the account's currency, a fixed amount within the top-up limits, a target above the
     * balance threshold, a cap that allows one top-up at least. A changed rule keeps the guards' state (a back-off
     * after declines goes on) unless {@code resetBackOff}: the customer asks to try again now.
     */
    @Transactional
    public AutoTopUpSettings saveAutoTopUp(AutoTopUpRule rule, boolean resetBackOff) {
        // A foreign payer or method is refused (and logged) before a Viewer is told about the role
        if (rule.payerId() != null) {
            access.requirePayer(rule.payerId(), AccountAccess.Action.VIEW);
            if (rule.methodId() != null) {
                methods.requireOfPayer(rule.payerId(), rule.methodId());
            }
        }
        AccountContext account = requireMoveMoney();
        AutoTopUpRule checked = rule.enabled() ? checkedRule(account, rule) : offRule(account, rule);
        access.lockForUpdate(account.accountId());
        RenewalSettingsStore.Row before = settings.find(account.accountId(), account.currency())
                .orElse(new RenewalSettingsStore.Row(AutoTopUpRule.off(), AutoTopUpState.NONE));
        settings.saveRule(account.accountId(), checked);
        if (resetBackOff) {
            settings.saveState(account.accountId(), new AutoTopUpState(0, null, null,
                    before.state().inFlightKey(), before.state().inFlightSince(), before.state().firings()));
        }
        if (!before.rule().equals(checked) || resetBackOff) {
            audit.record(AuditEvent.of("hosting.auto-top-up.rule-changed", checked.enabled()
                            ? "Set the automatic top-up" + (resetBackOff ? " and cleared its waiting time" : "")
                            : "Switched the automatic top-up off")
                    .account(account.accountId()).subject(checked.payerId())
                    .change(describe(before.rule()), describe(checked)));
        }
        return autoTopUpSettings();
    }

    private AutoTopUpRule checkedRule(AccountContext account, AutoTopUpRule rule) {
        if (rule.payerId() == null) {
            throw InvalidRequestException.keyed("payer", "errors.renewal.payer-needed");
        }
        PayerId payer = requireOwnPayer(account, rule.payerId());
        if (rule.methodId() != null) {
            methods.requireChargeable(payer, rule.methodId());
        }
        for (Money amount : Arrays.asList(rule.belowBalance(), rule.amount(), rule.monthlyCap())) {
            if (amount != null && !amount.currency().equals(account.currency())) {
                throw InvalidRequestException.keyed("amount", "errors.auto-top-up.currency",
                        account.currency().getCurrencyCode());
            }
        }
        if (rule.belowBalance() != null && rule.belowBalance().isNegative()) {
            throw InvalidRequestException.keyed("belowBalance", "errors.auto-top-up.below-balance-negative");
        }
        if (rule.belowRunwayDays() != null && (rule.belowRunwayDays() < 1 || rule.belowRunwayDays() > 365)) {
            throw InvalidRequestException.keyed("belowRunwayDays", "errors.auto-top-up.runway-days", 1, 365);
        }
        if (rule.amountMode() != AutoTopUpRule.AmountMode.SHORTFALL) {
            if (rule.amount() == null || !rule.amount().isPositive()) {
                throw InvalidRequestException.keyed("amount", "errors.auto-top-up.amount-needed");
            }
            Money most = shortfalls.maximumFor(account.currency());
            if (rule.amountMode() == AutoTopUpRule.AmountMode.FIXED
                    && (!shortfalls.meetsMinimum(rule.amount()) || rule.amount().isGreaterThan(most))) {
                throw InvalidRequestException.keyed("amount", "errors.auto-top-up.amount-range",
                        shortfalls.amountFor(Money.zero(account.currency())), most);
            }
            if (rule.amountMode() == AutoTopUpRule.AmountMode.UP_TO && rule.belowBalance() != null
                    && !rule.amount().isGreaterThan(rule.belowBalance())) {
                throw InvalidRequestException.keyed("amount", "errors.auto-top-up.target-not-above");
            }
        } else if (rule.hasThreshold()) {
            throw InvalidRequestException.keyed("amount", "errors.auto-top-up.amount-needed");
        }
        if (rule.monthlyCap() != null && !shortfalls.meetsMinimum(rule.monthlyCap())) {
            throw InvalidRequestException.keyed("monthlyCap", "errors.auto-top-up.cap-below-minimum",
                    shortfalls.amountFor(Money.zero(account.currency())));
        }
        return new AutoTopUpRule(true, payer, rule.methodId(), rule.belowBalance(), rule.belowRunwayDays(),
                rule.amountMode(), rule.amountMode() == AutoTopUpRule.AmountMode.SHORTFALL ? null : rule.amount(),
                rule.monthlyCap());
    }

    /** Switched off, the rule is kept as entered for switching on again; its payer and method must still be ours. */
    private AutoTopUpRule offRule(AccountContext account, AutoTopUpRule rule) {
        PayerId payer = rule.payerId() == null ? null : requireOwnPayer(account, rule.payerId());
        if (rule.methodId() != null) {
            if (payer == null) {
                throw InvalidRequestException.keyed("payer", "errors.renewal.payer-needed");
            }
            methods.requireOfPayer(payer, rule.methodId());
        }
        return new AutoTopUpRule(false, payer, rule.methodId(), rule.belowBalance(), rule.belowRunwayDays(),
                rule.amountMode(), rule.amount(), rule.monthlyCap());
    }

    private PayerId requireOwnPayer(AccountContext account, PayerId payerId) {
        Payer payer = access.requirePayer(payerId, AccountAccess.Action.VIEW);
        if (!payer.accountId().equals(account.accountId())) {
            throw InvalidRequestException.keyed("payer", "errors.payer.foreign");
        }
        return payer.id();
    }

    /** The rule in a line for the audit trail's before and after. */
    private static String describe(AutoTopUpRule rule) {
        if (!rule.enabled()) {
            return "Off";
        }
        String when = rule.belowBalance() != null ? "balance below " + rule.belowBalance().format()
                : rule.belowRunwayDays() != null ? "runway below " + rule.belowRunwayDays() + " days"
                : "a renewal short";
        String much = switch (rule.amountMode()) {
            case SHORTFALL -> "the shortfall";
            case FIXED -> Objects.requireNonNull(rule.amount()).format();
            case UP_TO -> "up to " + Objects.requireNonNull(rule.amount()).format();
        };
        return "When " + when + ", top up " + much + (rule.methodId() == null ? " from the default method" : "")
                + (rule.monthlyCap() == null ? "" : ", at most " + rule.monthlyCap().format() + " a month");
    }

    private static String onOff(boolean on) {
        return on ? "On" : "Off";
    }

    /** The latest renewal activity of the current account, failures included, newest first. */
    @Transactional(readOnly = true)
    public List<RenewalActivity> activity(int limit) {
        return events.latest(access.current().accountId(), Math.max(1, Math.min(limit, 100)));
    }

    /** Whether the current user may renew and change switches (Owner or Billing); views use it to go read-only. */
    @Transactional(readOnly = true)
    public boolean mayRenew() {
        return access.current().role().mayMoveMoney();
    }

    /**
     * Every service id from outside is checked, and a foreign one logged as a denial, before any rule looks at it. The
     * role is checked after, so that a Viewer of the account is told about the role, not about the service.
     */
    private void requireOwnServices(@Nullable List<RenewalLine> lines) {
        if (lines == null) {
            return;
        }
        for (RenewalLine line : lines) {
            if (line == null || line.serviceId() == null) {
                continue;
            }
            HostedService service = services.findById(line.serviceId()).orElse(null);
            access.requireOwner(service == null ? null : service.accountId(), line.serviceId(),
                    AccountAccess.Action.VIEW,
                    InvalidRequestException.keyed("services", "errors.renewal.foreign-service"));
        }
    }

    private AccountContext requireMoveMoney() {
        AccountContext current = access.current();
        return access.require(current.accountId(), AccountAccess.Action.MOVE_MONEY);
    }

    private HostedServiceSummary summary(HostedService service, LocalDate today) {
        List<HostedServiceSummary.Term> terms = new ArrayList<>();
        for (int count : service.period().allowedCounts()) {
            List<PaidPeriod> periods = service.nextPeriods(count, today);
            Money cost = Money.zero(service.price().currency());
            for (PaidPeriod period : periods) {
                cost = cost.plus(service.priceFor(period.start()));
            }
            terms.add(new HostedServiceSummary.Term(count, service.period().describe(count), cost,
                    periods.getLast().end()));
        }
        return new HostedServiceSummary(service.id(), service.name(), service.kind(),
                service.priceFor(service.nextPeriodStart(today)), service.period(),
                service.paidUntil(), service.status(), service.expiringSoon(today, properties.expiringWithinDays()),
                service.autoRenew(), List.copyOf(terms));
    }

    private static List<RenewalQuote.Line> lines(RenewalPlan plan) {
        return plan.items().stream().map(item -> new RenewalQuote.Line(item.service().id(), item.service().name(),
                item.periods(), item.term(), item.cost(), item.newPaidUntil())).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
