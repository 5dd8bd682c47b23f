package dev.billfold.payment;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountCountries;
import dev.billfold.account.AccountContext;
import dev.billfold.account.AccountService;
import dev.billfold.account.Payer;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerSummary;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.Texts;
import dev.billfold.gateway.ChargeRequest;
import dev.billfold.gateway.CheckoutRequest;
import dev.billfold.gateway.CheckoutSession;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.MethodFamily;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.KenyanPhone;
import dev.billfold.gateway.PaymentGateway;
import dev.billfold.gateway.PhonePayments;
import dev.billfold.gateway.PhonePushRequest;
import dev.billfold.paymentmethod.ChargeableMethod;
import dev.billfold.paymentmethod.PaymentMethodService;
import dev.billfold.paymentmethod.SavedMethodSummary;
import dev.billfold.ratelimit.RateDecision;
import dev.billfold.ratelimit.RateKey;
import dev.billfold.ratelimit.RateLimitExceededException;
import dev.billfold.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Top-ups: what a payer can pay with, and the payment itself. Every check runs on the server before a payment row
 * exists or a provider is called; a rejected request changes nothing.
 */
@Service
public class TopUpService {

    /** Top-ups started per user and per account (billfold.rate-limits.*, DD-056). */
    static final String STARTS_PER_USER = "top-up-per-user";
    static final String STARTS_PER_ACCOUNT = "top-up-per-account";

    private static final Logger log = LoggerFactory.getLogger(TopUpService.class);

    private final AccountAccess access;
    private final AccountService accounts;
    private final PaymentMethodService methods;
    private final GatewayRegistry gateways;
    private final TopUpLimits limits;
    private final DailyUsageQuery dailyUsage;
    private final PaymentRepository payments;
    private final InvoiceStore invoices;
    private final InvoiceProperties invoiceProperties;
    private final PaymentSettlement settlement;
    private final ChargeRequestStore charges;
    private final RateLimiter rateLimiter;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final MethodRules methodRules;
    private final AccountCountries countries;
    private final QuoteService quotes;
    private final InvoiceCopies invoiceCopies;

    TopUpService(AccountAccess access, AccountService accounts, PaymentMethodService methods, GatewayRegistry gateways,
                 TopUpLimits limits, DailyUsageQuery dailyUsage, PaymentRepository payments, InvoiceStore invoices,
                 InvoiceProperties invoiceProperties, PaymentSettlement settlement, ChargeRequestStore charges,
                 RateLimiter rateLimiter, PlatformTransactionManager transactionManager, Clock clock,
                 ApplicationEventPublisher events, MethodRules methodRules, AccountCountries countries,
                 QuoteService quotes, InvoiceCopies invoiceCopies) {
        this.quotes = quotes;
        this.invoiceCopies = invoiceCopies;
        this.methodRules = methodRules;
        this.countries = countries;
        this.events = events;
        this.charges = charges;
        this.access = access;
        this.accounts = accounts;
        this.methods = methods;
        this.gateways = gateways;
        this.limits = limits;
        this.dailyUsage = dailyUsage;
        this.payments = payments;
        this.invoices = invoices;
        this.invoiceProperties = invoiceProperties;
        this.settlement = settlement;
        this.rateLimiter = rateLimiter;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Presets and the allowed range for the current account's currency. */
    @Transactional(readOnly = true)
    public TopUpForm form() {
        AccountContext account = access.current();
        return new TopUpForm(account, limits.presets(account.currency()), limits.rangeHint(account.currency()),
                accounts.payers(account.accountId()), quotes.offeredFor(account.currency()));
    }

    /**
     * The methods a payer can pay with: saved ones (default first and preselected), each checkout, then invoice; only
     * the kinds the account's country offers this payer (DD-091).
     */
    @Transactional(readOnly = true)
    public List<MethodOption> methodsFor(PayerId payerId) {
        Payer payer = access.requirePayer(payerId, AccountAccess.Action.VIEW);
        return methodsFor(payer, access.require(payer.accountId(), AccountAccess.Action.VIEW).currency());
    }

    /**
     * The methods that pay in {@code pay}: in another currency than the account's, only the providers' that take it;
     * phone payments and invoices are in the account's own currency only (DD-096).
     */
    @Transactional(readOnly = true)
    public List<MethodOption> methodsPayingIn(PayerId payerId, Currency pay) {
        return methodsFor(access.requirePayer(payerId, AccountAccess.Action.VIEW), pay);
    }

    private List<MethodOption> methodsFor(Payer payer, Currency currency) {
        MethodRules.Offer offer = offerFor(payer);
        boolean ownCurrency = access.require(payer.accountId(), AccountAccess.Action.VIEW).currency()
                .equals(currency);
        List<MethodOption> options = new ArrayList<>();
        List<SavedMethodSummary> saved = methods.chargeableMethods(payer.id()).stream()
                .filter(method -> offer.allows(familyOf(method.provider())) && (ownCurrency
                        || gateways.find(method.provider()).filter(g -> g.supports(currency)).isPresent()))
                .toList();
        boolean hasDefault = saved.stream().anyMatch(SavedMethodSummary::isDefault);
        for (SavedMethodSummary method : saved) {
            options.add(new MethodOption(new MethodChoice.Saved(method.id()), method.label(), false,
                    method.isDefault()));
        }
        for (PaymentGateway gateway : gateways.enabled()) {
            PhonePayments phone = gateway.as(PhonePayments.class).orElse(null);
            if (gateway.supports(currency) && (phone == null || phone.offersHostedCheckout())
                    && offer.allows(gateway.family())) {
                options.add(new MethodOption(new MethodChoice.Checkout(gateway.id()), gateway.displayName(), true,
                        !hasDefault && options.isEmpty()));
            }
            if (ownCurrency && phone != null && phone.takesPhonePayments(currency)
                    && offer.allows(MethodFamily.MOBILE_MONEY)) {
                options.add(new MethodOption(new MethodChoice.Phone(gateway.id(), ""), phone.phoneMethodName(), false,
                        !hasDefault && options.isEmpty()));
            }
        }
        if (ownCurrency && offer.allows(MethodFamily.BANK_TRANSFER)) {
            options.add(new MethodOption(new MethodChoice.Invoice(), "Invoice (bank transfer)", false,
                    options.isEmpty()));
        }
        return options;
    }

    /** Why the list for this payer lacks a kind of method its country offers others ("... to companies only"). */
    @Transactional(readOnly = true)
    public List<Texts.Message> methodNotes(PayerId payerId) {
        return offerFor(access.requirePayer(payerId, AccountAccess.Action.VIEW)).notes();
    }

    private MethodRules.Offer offerFor(Payer payer) {
        return methodRules.offerFor(countries.of(payer.accountId()).orElse(null), payer.type());
    }

    private MethodFamily familyOf(String provider) {
        return gateways.find(provider).map(PaymentGateway::family).orElse(MethodFamily.CARD);
    }

    /**
     * Checks that a top-up's payer and saved method belong to an account of the current user, before anything is
     * created, for flows that do other work first (a renewal order): a foreign id is refused and logged. The role and
     * whether the method can be charged are {@link #topUp}'s to check.
     */
    @Transactional(readOnly = true)
    public void requireOwnIds(PayerId payerId, MethodChoice method) {
        if (method instanceof MethodChoice.Saved saved) {
            methods.requireOfPayer(payerId, saved.methodId());
        } else {
            access.requirePayer(payerId, AccountAccess.Action.VIEW);
        }
    }

    /**
     * Creates the payment and starts the flow that fits the method. Not one transaction: providers are called between.
     */
    public TopUpOutcome topUp(TopUpRequest request) {
        Payer checkedPayer = access.requirePayer(request.payerId(), AccountAccess.Action.MOVE_MONEY);
        PayerSummary payer = PayerSummary.of(checkedPayer);
        AccountContext account = access.require(checkedPayer.accountId(), AccountAccess.Action.MOVE_MONEY);
        // Every id in the request is checked before anything else looks at it: a foreign method is refused (and
        // logged) as such, not as a malformed request.
        ChargeableMethod savedMethod = request.method() instanceof MethodChoice.Saved saved
                ? methods.requireChargeable(payer.id(), saved.methodId()) : null;
        Quote ownQuote = request.quote() == null ? null : quotes.requireOwned(account.accountId(), request.quote());
        String idempotencyKey = TopUpRequest.idempotencyKeyFor(requireRequestKey(request.requestKey()));
        Optional<Payment> repeated = payments.findByIdempotencyKey(idempotencyKey);
        if (repeated.isPresent()) {
            return replay(repeated.get(), account, request);
        }
        // A repeated submit got its payment above, however old its quote is now.
        Quote quote = ownQuote == null ? null : quotes.requireUnexpired(ownQuote);
        Money amount;
        if (quote == null) {
            amount = limits.parseAndCheck(request.amount(), account.currency());
        } else {
            // Checked when it was priced; again now, in case the limits changed since.
            amount = quote.credited();
            QuoteService.inEquivalent(quote, () -> limits.checkRange(quote.credited()));
        }
        Currency payCurrency = quote == null ? account.currency() : quote.pay().currency();
        MethodRules.Offer offer = offerFor(checkedPayer);
        PaymentGateway gateway = null;
        KenyanPhone phone = null;
        switch (request.method()) {
            case MethodChoice.Saved saved -> {
                gateway = gateways.find(savedMethod.provider()).orElseThrow(
                        () -> InvalidRequestException.keyed("method", "errors.method.provider-unavailable"));
                requireSupports(gateway, payCurrency);
            }
            case MethodChoice.Checkout checkout -> {
                gateway = gateways.require(checkout.provider());
                requireSupports(gateway, payCurrency);
                if (gateway.as(PhonePayments.class).filter(p -> !p.offersHostedCheckout()).isPresent()) {
                    throw InvalidRequestException.keyed("method", "errors.method.phone-only", gateway.displayName());
                }
            }
            case MethodChoice.Phone byPhone -> {
                requireOwnCurrency(quote, "errors.method.name.mobile-money");
                PhonePayments phonePayments = requirePhonePayments(byPhone.provider(), account);
                phone = KenyanPhone.parse(byPhone.phone());
                phonePayments.checkAmount(amount);
                gateway = phonePayments;
            }
            case MethodChoice.Invoice invoice -> requireOwnCurrency(quote, "errors.method.name.invoice");
        }
        MethodFamily family = request.method() instanceof MethodChoice.Phone ? MethodFamily.MOBILE_MONEY
                : gateway == null ? MethodFamily.BANK_TRANSFER : gateway.family();
        if (!offer.allows(family)) {
            throw InvalidRequestException.keyed("method", "errors.method.state.refused", offer.refusal(family));
        }
        takeAllowance(account);
        Payment payment = create(account, payer, amount, quote, request, savedMethod, gateway, idempotencyKey);
        if (phone != null) {
            return pushToPhone(payment, account, (PhonePayments) gateway, phone);
        }
        return start(payment, payer, account, savedMethod, gateway);
    }

    /**
     * Counts the start against the user's and the account's limits, after the request was found valid and before a
     * payment row, an invoice number or a provider's session exists: a refusal creates none of them. A repeated
     * submit of the same request is answered above and counts nothing.
     */
    private void takeAllowance(AccountContext account) {
        RateDecision decision = rateLimiter.tryAcquire(
                new RateKey(STARTS_PER_USER, account.userId().value().toString()),
                new RateKey(STARTS_PER_ACCOUNT, account.accountId().value().toString()));
        if (!decision.allowed()) {
            log.warn("Top-up refused by rate limit {}: user={} account={}", decision.refusedLimit(),
                    account.userId().value(), account.accountId().value());
            throw new RateLimitExceededException(STARTS_PER_USER.equals(decision.refusedLimit())
                    ? "You have started many top-ups in a short time, so this one was not started. Nothing was charged."
                    : "Many top-ups were started in this account in a short time, so this one was not started. "
                            + "Nothing was charged.", decision);
        }
    }

    private void requireSupports(PaymentGateway gateway, Currency pay) {
        if (!gateway.supports(pay)) {
            throw InvalidRequestException.keyed("method", "errors.method.currency", gateway.displayName(),
                    pay.getCurrencyCode());
        }
    }

    /** {@code method}: the bundle key of the method's name ("errors.method.name.invoice"). */
    private static void requireOwnCurrency(@Nullable Quote quote, String method) {
        if (quote != null) {
            throw InvalidRequestException.keyed("method", "errors.method.own-currency-only",
                    new Texts.Message(method), quote.credited().currencyCode());
        }
    }

    private Payment create(AccountContext account, PayerSummary payer, Money amount, @Nullable Quote quote,
                           TopUpRequest request, @Nullable ChargeableMethod savedMethod,
                           @Nullable PaymentGateway gateway, String idempotencyKey) {
        MethodKind kind = request.method().kind();
        try {
            return transaction.execute(status -> {
                // The account lock makes the daily caps hold when two top-ups arrive at once.
                access.lockForUpdate(account.accountId());
                Optional<Payment> raced = payments.findByIdempotencyKey(idempotencyKey);
                if (raced.isPresent()) {
                    // A double submit that waited for the lock: the first one's payment, never counted twice.
                    return raced.get();
                }
                Instant now = clock.instant();
                ZoneId zone = limits.dayZone();
                LocalDate today = LocalDate.ofInstant(now, zone);
                Instant dayStart = today.atStartOfDay(zone).toInstant();
                Instant dayEnd = today.plusDays(1).atStartOfDay(zone).toInstant();
                var used = dailyUsage.usage(account.accountId(), account.currency(), dayStart, dayEnd);
                if (quote == null) {
                    limits.checkDaily(amount, used);
                } else {
                    QuoteService.inEquivalent(quote, () -> limits.checkDaily(amount, used));
                    if (payments.existsByQuoteId(quote.id())) {
                        throw quoteUsed();
                    }
                }
                if (request.method() instanceof MethodChoice.Phone && gateway instanceof PhonePayments phone
                        && phone.dailyMaximum(amount.currency()) instanceof Money cap) {
                    limits.checkDailyTotal(phone.phoneMethodName(), cap, amount, dailyUsage.usage(
                            account.accountId(), account.currency(), phone.id(), dayStart, dayEnd));
                }
                boolean save = kind == MethodKind.CHECKOUT && request.saveMethod();
                Payment created = payments.save(quote == null
                        ? Payment.waiting(account.accountId(), payer.id(), amount, kind,
                                gateway == null ? null : gateway.id(), savedMethod == null ? null : savedMethod.id(),
                                idempotencyKey, save, now)
                        : Payment.waitingAtQuote(quote, payer.id(), kind, Objects.requireNonNull(gateway).id(),
                                savedMethod == null ? null : savedMethod.id(), idempotencyKey, save, now));
                if (kind == MethodKind.INVOICE) {
                    Invoice invoice = invoiceFor(created, account, payer, now);
                    invoices.insert(invoice);
                    // In this transaction, so that the mail it causes is recorded with it (DD-066).
                    events.publishEvent(new InvoiceIssued(created.id(), account.accountId(), invoice.number()));
                }
                if (kind == MethodKind.SAVED_METHOD) {
                    // Recorded before the provider is called, so a lost answer can be asked for with this very request.
                    charges.record(created.id(), chargeRequest(created, savedMethod, account));
                }
                return created;
            });
        } catch (DuplicateKeyException doubleSubmit) {
            // The same request twice, or (with another request key) the same quote twice, at the same moment.
            return payments.findByIdempotencyKey(idempotencyKey).orElseThrow(TopUpService::quoteUsed);
        }
    }

    private static InvalidRequestException quoteUsed() {
        return InvalidRequestException.keyed("quote", "errors.quote.used");
    }

    private TopUpOutcome start(Payment payment, PayerSummary payer, AccountContext account,
                               @Nullable ChargeableMethod savedMethod, @Nullable PaymentGateway gateway) {
        return switch (payment.methodKind()) {
            case INVOICE -> new TopUpOutcome.Completed(payment.id(), payment.status(),
                    "Invoice issued. Pay it by bank transfer; the balance goes up when the transfer arrives.");
            case CHECKOUT -> startCheckout(payment, payer, account, gateway);
            case SAVED_METHOD -> chargeSaved(payment, account, savedMethod, gateway);
        };
    }

    private TopUpOutcome startCheckout(Payment payment, PayerSummary payer, AccountContext account,
                                       PaymentGateway gateway) {
        String returnPath = PaymentService.returnPath(payment.id());
        try {
            CheckoutSession session = gateway.startCheckout(new CheckoutRequest(payment.idempotencyKey(),
                    payment.charged(), payer.id().value().toString(), payer.legalName(), description(account),
                    returnPath, returnPath, payment.saveMethod()));
            settlement.attachReference(payment.id(), session.reference());
            return new TopUpOutcome.RedirectToProvider(payment.id(), session.redirectUrl());
        } catch (InvalidRequestException notPayableThere) {
            // The provider cannot take this amount (e.g. fractions of a currency it only takes whole); nothing was
            // charged.
            Payment rejected = settlement.rejectUnstarted(payment.id(), notPayableThere.getMessage());
            return new TopUpOutcome.Completed(rejected.id(), rejected.status(), rejected.statusReason());
        } catch (RuntimeException providerDown) {
            log.warn("Payment {}: could not open a {} checkout", payment.id().value(), gateway.id(), providerDown);
            Payment rejected = settlement.rejectUnstarted(payment.id(),
                    "The payment provider could not be reached. Nothing was charged; please try again.");
            return new TopUpOutcome.Completed(rejected.id(), rejected.status(), rejected.statusReason());
        }
    }

    private TopUpOutcome chargeSaved(Payment payment, AccountContext account, ChargeableMethod method,
                                     PaymentGateway gateway) {
        GatewayResult result;
        try {
            result = gateway.chargeSavedMethod(chargeRequest(payment, method, account));
        } catch (RuntimeException unknown) {
            // The money may have moved: the payment stays waiting for the poller, never rejected.
            log.warn("Payment {}: charge outcome unknown", payment.id().value(), unknown);
            result = GatewayResult.unknown(null,
                    "The provider did not answer; we will check the payment again shortly.");
        }
        Payment settled = settlement.apply(payment.id(), result);
        return new TopUpOutcome.Completed(settled.id(), settled.status(), messageFor(settled));
    }

    private PhonePayments requirePhonePayments(String provider, AccountContext account) {
        PhonePayments phonePayments = gateways.find(provider, PhonePayments.class).orElseThrow(() ->
                InvalidRequestException.keyed("method", "errors.method.unavailable"));
        if (!phonePayments.takesPhonePayments(account.currency())) {
            throw InvalidRequestException.keyed("method", "errors.method.currency", phonePayments.phoneMethodName(),
                    account.currency().getCurrencyCode());
        }
        return phonePayments;
    }

    /**
     * Asks the customer's phone to approve the payment (DD-088). The answer is applied like any provider's: a refused
     * push rejects the payment, a lost answer leaves it waiting for the callback and the poller.
     */
    private TopUpOutcome pushToPhone(Payment payment, AccountContext account, PhonePayments gateway,
                                     KenyanPhone phone) {
        PhonePayments.PhonePush push;
        try {
            push = gateway.pushToPhone(new PhonePushRequest(payment.idempotencyKey(), payment.amount(), phone,
                    account.accountNumber(), "Top-up", PaymentService.returnPath(payment.id())));
        } catch (RuntimeException unknown) {
            log.warn("Payment {}: the push to the phone failed", payment.id().value(), unknown);
            push = new PhonePayments.PhonePush(GatewayResult.unknown(null,
                    "The provider did not answer; we will check the payment again shortly."), null);
        }
        Payment settled = settlement.apply(payment.id(), push.result());
        return phoneOutcome(settled, push.simulatorPath());
    }

    private static TopUpOutcome phoneOutcome(Payment payment, @Nullable String simulatorPath) {
        if (payment.status() == PaymentStatus.WAITING_FOR_PAYMENT) {
            return new TopUpOutcome.WaitingForPhone(payment.id(), PhonePayments.CHECK_YOUR_PHONE, simulatorPath);
        }
        return new TopUpOutcome.Completed(payment.id(), payment.status(), messageFor(payment));
    }

    /** The off-session charge of a saved-method payment; built the same way when recorded and when sent. */
    private static ChargeRequest chargeRequest(Payment payment, ChargeableMethod method, AccountContext account) {
        return new ChargeRequest(payment.idempotencyKey(), payment.payerId().value().toString(), method.providerToken(),
                payment.charged(), description(account));
    }

    private TopUpOutcome replay(Payment existing, AccountContext account, TopUpRequest request) {
        if (!existing.accountId().equals(account.accountId()) || !existing.payerId().equals(request.payerId())) {
            throw InvalidRequestException.keyed(null, "errors.request.reused");
        }
        if (request.method() instanceof MethodChoice.Phone) {
            // Never pushed again: the first push is the one the phone shows.
            return phoneOutcome(existing, null);
        }
        if (existing.methodKind() == MethodKind.CHECKOUT && existing.status() == PaymentStatus.WAITING_FOR_PAYMENT
                && existing.provider() != null) {
            PayerSummary payer = accounts.payerForPayment(existing.payerId());
            return startCheckout(existing, payer, account, gateways.require(existing.provider()));
        }
        return new TopUpOutcome.Completed(existing.id(), existing.status(), messageFor(existing));
    }

    private Invoice invoiceFor(Payment payment, AccountContext account, PayerSummary payer, Instant now) {
        LocalDate issued = LocalDate.ofInstant(now, limits.dayZone());
        String number = "INV-%d-%06d".formatted(issued.getYear(), invoices.nextNumber(issued.getYear()));
        // Worded as the providers ask, so a bank transfer names the account by its number (DD-059).
        String purpose = "Payment for %s, under personal account number %s. Invoice %s of %s, amount %s."
                .formatted(account.accountName(), account.accountNumber(), number,
                        issued.format(DateTimeFormatter.ISO_LOCAL_DATE), payment.amount().format());
        var copy = invoiceCopies.of(account.accountId(), payer, payment.amount().currencyCode());
        return new Invoice(payment.id(), number, account.accountNumber(), invoiceProperties.recipientName(),
                invoiceProperties.recipientBankDetails(), payer.legalName(), payer.taxId(), payer.address(), purpose,
                now, now.plus(Duration.ofDays(invoiceProperties.paymentTermsDays())), copy.seller(),
                copy.buyerCountry(), copy.wordsLanguage());
    }

    static String messageFor(Payment payment) {
        return switch (payment.status()) {
            case CREDITED -> "%s was added to your balance.".formatted(payment.amount().format());
            case REJECTED -> "The payment was rejected: " + payment.statusReason();
            case WAITING_FOR_PAYMENT -> payment.statusReason() == null
                    ? "The payment is waiting for the provider's confirmation."
                    : "The payment is waiting: " + payment.statusReason();
            case WAITING_FOR_CLARIFICATION -> "The payment needs clarification: " + payment.statusReason();
            default -> "The payment is " + payment.status().label().toLowerCase() + ".";
        };
    }

    private static String description(AccountContext account) {
        return "Balance top-up, account \"%s\"".formatted(account.accountName());
    }

    private static String requireRequestKey(String requestKey) {
        try {
            return UUID.fromString(requestKey).toString();
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.keyed(null, "errors.request.malformed");
        }
    }

    /** What the top-up page needs to show its form. */
    public record TopUpForm(AccountContext account, List<Money> presets, Texts.Message rangeHint,
                            List<PayerSummary> payers, List<Currency> payCurrencies) {
    }
}
