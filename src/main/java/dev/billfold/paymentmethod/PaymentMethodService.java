package dev.billfold.paymentmethod;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountCountries;
import dev.billfold.account.AccountId;
import dev.billfold.account.Payer;
import dev.billfold.account.PayerId;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InternalCall;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Texts;
import dev.billfold.cardcountry.CardCountryRules;
import dev.billfold.gateway.CheckoutSession;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.MethodSetup;
import dev.billfold.gateway.PaymentGateway;
import dev.billfold.gateway.SetupRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Saved payment methods per payer. */
@Service
public class PaymentMethodService {

    /** Where a provider's setup page sends the customer back to; {@code MethodSetupReturnView} is routed here. */
    public static final String SETUP_RETURN_ROUTE = "payment-methods/setup";

    private static final Logger log = LoggerFactory.getLogger(PaymentMethodService.class);

    private static final String SETUP_KEY_PREFIX = "setup:";

    private final AccountAccess access;
    private final PaymentMethodRepository methods;
    private final GatewayRegistry gateways;
    private final MethodSetupSettlement setups;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final List<AutoRenewalUse> autoRenewal;
    private final ApplicationEventPublisher events;
    private final MethodChanges changes;
    private final AuditTrail audit;

    private final CardCountryRules cardRules;
    private final AccountCountries countries;

    PaymentMethodService(AccountAccess access, PaymentMethodRepository methods, GatewayRegistry gateways,
                         MethodSetupSettlement setups, PlatformTransactionManager transactionManager, Clock clock,
                         List<AutoRenewalUse> autoRenewal, ApplicationEventPublisher events, MethodChanges changes,
                         AuditTrail audit, CardCountryRules cardRules, AccountCountries countries) {
        this.cardRules = cardRules;
        this.countries = countries;
        this.access = access;
        this.methods = methods;
        this.gateways = gateways;
        this.setups = setups;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.autoRenewal = List.copyOf(autoRenewal);
        this.events = events;
        this.changes = changes;
        this.audit = audit;
    }

    /** Whether the current user may add, remove and choose methods in the current account (Owner, Billing). */
    @Transactional(readOnly = true)
    public boolean mayManage() {
        return access.current().role().mayMoveMoney();
    }

    /** The providers that can save a method without a payment, for the "Add" choice. */
    public List<SetupProvider> setupProviders() {
        return gateways.enabled(MethodSetup.class).stream()
                .map(g -> new SetupProvider(g.id(), g.displayName())).toList();
    }

    /** Everything the payer has on file but removed methods: pending, confirmed, failed, expired; the default first. */
    @Transactional(readOnly = true)
    public List<MethodListItem> methods(PayerId payerId) {
        access.requirePayer(payerId, AccountAccess.Action.VIEW);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return methods.findListedByPayer(payerId).stream()
                .map(method -> MethodListItem.of(method, providerName(method.provider()), today)).toList();
    }

    /**
     * Until cancelled, {@code listener} hears of every committed change of the payer's methods (the open methods
     * page). Any member may listen to a payer of their account; anyone else is refused and logged, as for
     * {@link #methods}: the changes name the payer's methods and when they change.
     */
    @Transactional(readOnly = true)
    public MethodChanges.Subscription listen(PayerId payerId, Consumer<PaymentMethodChanged> listener) {
        access.requirePayer(payerId, AccountAccess.Action.VIEW);
        return changes.subscribe(payerId, listener);
    }

    /**
     * Makes a confirmed method the payer's only default. The account is locked first, as the settlement does, so a
     * confirmation that makes a first method the default cannot race this into two defaults.
     */
    @Transactional
    public MethodListItem makeDefault(PaymentMethodId methodId) {
        PaymentMethod method = owned(methodId, AccountAccess.Action.MOVE_MONEY);
        access.lockForUpdate(method.accountId());
        PaymentMethod current = methods.findLockedById(methodId).orElseThrow();
        if (current.status() != PaymentMethodStatus.CONFIRMED) {
            throw InvalidRequestException.keyed("method", "errors.method.default-needs-confirmed",
                    statusWord(current.status()));
        }
        if (!current.isDefault()) {
            for (PaymentMethod other : methods.findLockedDefaultsByPayer(current.payerId())) {
                events.publishEvent(PaymentMethodChanged.of(methods.save(other.withDefault(false))));
            }
            current = methods.save(current.withDefault(true));
            events.publishEvent(PaymentMethodChanged.of(current));
            audit.record(AuditEvent.of("paymentmethod.default-changed",
                            "Made " + current.label() + " the default method")
                    .account(current.accountId()).subject(methodId).change(null, current.label()));
        }
        return MethodListItem.of(current, providerName(current.provider()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** What removing the method would affect, for the confirmation: the auto-renewal top-ups that use the default. */
    @Transactional(readOnly = true)
    public RemovalImpact removalImpact(PaymentMethodId methodId) {
        PaymentMethod method = owned(methodId, AccountAccess.Action.VIEW);
        int services = !method.isDefault() ? 0 : autoRenewal.stream()
                .mapToInt(use -> use.servicesToppedUpFrom(method.accountId(), method.payerId())).sum();
        return new RemovalImpact(method.label(), method.isDefault(), services);
    }

    /**
     * Removes a confirmed method: first detached at the provider (so it can never be charged again), then marked
     * REMOVED. Never deleted: past payments still name it. Removing the default leaves the payer without one. Not one
     * transaction: no transaction is held open across the provider call; the row is re-checked under its lock after.
     */
    public void remove(PaymentMethodId methodId) {
        PaymentMethod method = transaction.execute(status -> owned(methodId, AccountAccess.Action.MOVE_MONEY));
        if (method.status() != PaymentMethodStatus.CONFIRMED) {
            throw InvalidRequestException.keyed("method", "errors.method.remove-needs-confirmed",
                    statusWord(method.status()));
        }
        PaymentGateway gateway = gateways.find(method.provider()).orElse(null);
        boolean detached = false;
        if (gateway != null) {
            try {
                detached = gateway.detachMethod(Objects.requireNonNull(method.providerToken()));
                if (!detached) {
                    // The gateway's own line names the provider's error but not the method: this one does.
                    log.warn("Method {}: {} did not detach it; nothing changed", methodId.value(), method.provider());
                }
            } catch (RuntimeException unreachable) {
                log.warn("Method {}: {} could not detach it", methodId.value(), method.provider(), unreachable);
            }
        }
        if (!detached) {
            throw gateway == null ? InvalidRequestException.keyed("method", "errors.method.provider-off")
                    : InvalidRequestException.keyed("method", "errors.method.remove-unreachable",
                            gateway.displayName());
        }
        transaction.executeWithoutResult(status -> {
            access.lockForUpdate(method.accountId());
            PaymentMethod locked = methods.findLockedById(methodId).orElseThrow();
            if (locked.status() == PaymentMethodStatus.CONFIRMED) {
                events.publishEvent(PaymentMethodChanged.of(methods.save(locked.remove(clock.instant()))));
                audit.record(AuditEvent.of("paymentmethod.removed", "Removed the saved method " + locked.label())
                        .account(locked.accountId()).subject(methodId).change(locked.label(), null));
            }
        });
        log.info("Method {} removed and detached at {}", methodId.value(), method.provider());
    }

    private PaymentMethod owned(PaymentMethodId methodId, AccountAccess.Action action) {
        PaymentMethod method = methods.findById(methodId).orElse(null);
        access.requireOwner(method == null ? null : method.accountId(), methodId, action,
                InvalidRequestException.keyed("method", "errors.method.not-found"));
        return Objects.requireNonNull(method);
    }

    private String providerName(String provider) {
        return gateways.find(provider).map(PaymentGateway::displayName).orElse(provider);
    }

    /** The payer's methods that can be charged now, the default first. */
    @Transactional(readOnly = true)
    public List<SavedMethodSummary> chargeableMethods(PayerId payerId) {
        access.requirePayer(payerId, AccountAccess.Action.VIEW);
        return methods.findConfirmedByPayer(payerId).stream().map(SavedMethodSummary::of).toList();
    }

    /**
     * Resolves a method id that came from outside for a charge: it must be the given payer's, confirmed, and the
     * current user must be allowed to move money for that payer.
     */
    /**
     * Checks only that the method belongs to the payer and the payer to an account of the current user, whatever the
     * role: for flows that must refuse a foreign id (and log it) before they tell a Viewer about the role.
     */
    @Transactional(readOnly = true)
    public void requireOfPayer(PayerId payerId, PaymentMethodId methodId) {
        Payer payer = access.requirePayer(payerId, AccountAccess.Action.VIEW);
        PaymentMethod method = methods.findById(methodId).orElse(null);
        if (method == null || !method.payerId().equals(payer.id())) {
            throw access.denied(AccountAccess.Action.VIEW, methodId,
                    InvalidRequestException.keyed("method", "errors.method.foreign-payer"));
        }
    }

    @Transactional(readOnly = true)
    public ChargeableMethod requireChargeable(PayerId payerId, PaymentMethodId methodId) {
        Payer payer = access.requirePayer(payerId, AccountAccess.Action.MOVE_MONEY);
        PaymentMethod method = methods.findById(methodId).orElse(null);
        if (method == null || !method.payerId().equals(payer.id())) {
            throw access.denied(AccountAccess.Action.MOVE_MONEY, methodId,
                    InvalidRequestException.keyed("method", "errors.method.foreign-payer"));
        }
        if (!method.isChargeable()) {
            throw InvalidRequestException.keyed("method", "errors.method.not-chargeable",
                    statusWord(method.status()));
        }
        var refused = refusal(method);
        if (refused.isPresent()) {
            throw new InvalidRequestException("method", refused.get().reason()
                    + " Choose another payment method. Nothing was charged.");
        }
        return new ChargeableMethod(method.id(), method.provider(), Objects.requireNonNull(method.providerToken()),
                method.label());
    }

    /** "pending", "expired": a method's state inside a sentence, in the sentence's language. */
    private static Texts.Message statusWord(PaymentMethodStatus status) {
        return new Texts.Message("errors.method.status-word." + status.name());
    }

    /** A card saved before its issuing country was refused is refused before it is charged (DD-090). */
    private Optional<CardCountryRules.Refusal> refusal(PaymentMethod method) {
        return method.cardCountry() == null ? Optional.empty()
                : cardRules.refusal(countries.of(method.accountId()).orElse(null), method.cardCountry());
    }

    /**
     * The payer's default confirmed method, for a charge the account agreed to in advance (the auto-renewal top-up).
     * No user is signed in there, so there is no access check: the caller passes the payer from the account's own
     * settings, and the method must belong to that account too.
     */
    @InternalCall("the auto-renewal job has no signed-in user; it passes the account and the payer of its own "
            + "standing order")
    @Transactional(readOnly = true)
    public Optional<ChargeableMethod> defaultMethodForStandingOrder(AccountId accountId, PayerId payerId) {
        return methodForStandingOrder(accountId, payerId, null);
    }

    /**
     * The payer's confirmed method {@code methodId} (its default when null) for a charge the account agreed to in
     * advance (the auto top-up): empty when it is not the payer's, not confirmed, or refused by the card rules.
     */
    @InternalCall("the auto top-up has no signed-in user; it passes the account, payer and method of its own rule")
    @Transactional(readOnly = true)
    public Optional<ChargeableMethod> methodForStandingOrder(AccountId accountId, PayerId payerId,
                                                             @Nullable PaymentMethodId methodId) {
        return methods.findConfirmedByPayer(payerId).stream()
                .filter(method -> methodId == null ? method.isDefault() : method.id().equals(methodId))
                .filter(method -> method.accountId().equals(accountId))
                .filter(method -> refusal(method).isEmpty())
                .findFirst()
                .map(method -> new ChargeableMethod(method.id(), method.provider(), method.providerToken(),
                        method.label()));
    }

    /**
     * Records a method that a provider saved during a paid checkout. The provider has just charged it, so it is
     * confirmed at once; the payer's first confirmed method becomes the default. Runs inside the settlement
     * transaction and is idempotent by (provider, token).
     */
    @InternalCall("settlement records a method the provider saved while taking a payment; "
            + "no user is signed in for webhooks")
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordConfirmedFromCheckout(AccountId accountId, PayerId payerId, String provider,
                                            GatewayResult.StoredMethod saved) {
        if (methods.findByProviderAndProviderToken(provider, saved.token()).isPresent()) {
            return;
        }
        LocalDate expiresOn = saved.expires() == null ? null : saved.expires().atEndOfMonth();
        List<PaymentMethod> copies = saved.fingerprint() == null ? List.of()
                : methods.findConfirmedLockedByFingerprint(payerId, provider, saved.fingerprint());
        if (!copies.isEmpty()) {
            // The card is on file already (DD-100): one entry, renewed when this copy expires later. The copy not
            // kept stays at the provider, never charged, as nothing here names it.
            PaymentMethod kept = copies.getFirst();
            if (expiresOn != null && (kept.expiresOn() == null || expiresOn.isAfter(kept.expiresOn()))) {
                methods.save(kept.renewedBy(saved.token(), saved.label(), expiresOn, clock.instant()));
            }
            return;
        }
        PaymentMethod pending = PaymentMethod.pending(accountId, payerId, provider, saved.token(), saved.label(),
                expiresOn, saved.country(), saved.fingerprint(), clock.instant());
        PaymentMethod confirmed = methods.save(pending.confirm(!methods.payerHasDefault(payerId), clock.instant()));
        audit.record(AuditEvent.of("paymentmethod.added", "Saved the method " + confirmed.label() + " while paying")
                .account(accountId).subject(confirmed.id()).change(null, confirmed.label()));
    }

    /**
     * Starts saving a method without a payment: the method is recorded PENDING, then the provider's hosted page is
     * opened. It becomes CONFIRMED only when the provider says so (its webhook, or {@link #checkSetup} when the
     * customer is back). Not one transaction: the provider is called between recording and attaching its reference.
     */
    public SetupStart startSetup(PayerId payerId, String provider) {
        Payer payer = access.requirePayer(payerId, AccountAccess.Action.MOVE_MONEY);
        PaymentGateway chosen = gateways.require(provider);
        MethodSetup gateway = chosen.as(MethodSetup.class).orElseThrow(() -> InvalidRequestException.keyed("method",
                "errors.method.setup-unsupported", chosen.displayName()));
        PaymentMethod pending = transaction.execute(status -> methods.save(
                PaymentMethod.pendingSetup(payer.accountId(), payer.id(), gateway.id(), clock.instant())));
        String returnPath = "/" + SETUP_RETURN_ROUTE + "/" + pending.id().value();
        CheckoutSession session;
        try {
            session = gateway.startSetup(new SetupRequest(setupKey(pending.id()), payer.id().value().toString(),
                    payer.legalName(), returnPath, returnPath));
        } catch (RuntimeException providerDown) {
            log.warn("Method {}: could not open a {} setup", pending.id().value(), gateway.id(), providerDown);
            setups.apply(pending.id(), GatewayResult.declined(null,
                    "The payment provider could not be reached. Nothing was saved; please try again."));
            throw InvalidRequestException.keyed("method", "errors.provider.unreachable");
        }
        transaction.executeWithoutResult(status -> {
            PaymentMethod locked = methods.findLockedById(pending.id()).orElseThrow();
            if (locked.status() == PaymentMethodStatus.PENDING && locked.setupReference() == null) {
                methods.save(locked.withSetupReference(session.reference()));
            }
        });
        return new SetupStart(pending.id(), session.redirectUrl());
    }

    /**
     * The customer is back from the provider's setup page, or a check is due: the provider is asked what happened.
     * Nothing but the method id is taken from the request, and only after checking it is the current user's.
     */
    public SetupStatus checkSetup(PaymentMethodId methodId) {
        PaymentMethod method = methods.findById(methodId).orElse(null);
        access.requireOwner(method == null ? null : method.accountId(), methodId, AccountAccess.Action.VIEW,
                InvalidRequestException.keyed(null, "errors.method.not-found"));
        if (method.status() != PaymentMethodStatus.PENDING || method.setupReference() == null) {
            return SetupStatus.of(method);
        }
        GatewayResult result = gateways.find(method.provider(), MethodSetup.class)
                .map(gateway -> askProvider(gateway, method))
                .orElseGet(() -> GatewayResult.unknown(method.setupReference(),
                        "The payment provider is switched off."));
        return SetupStatus.of(setups.apply(methodId, result).method());
    }

    private static GatewayResult askProvider(MethodSetup gateway, PaymentMethod method) {
        try {
            return gateway.setupResult(Objects.requireNonNull(method.setupReference()));
        } catch (RuntimeException unreachable) {
            log.warn("Method {}: could not ask {} about its setup", method.id().value(), gateway.id(), unreachable);
            return GatewayResult.unknown(method.setupReference(),
                    "The provider did not answer; we will check again shortly.");
        }
    }

    /**
     * The key a setup carries to the provider and back; it names the method, so a webhook finds it without a lookup
     * table.
     */
    static String setupKey(PaymentMethodId id) {
        return SETUP_KEY_PREFIX + id.value();
    }

    static Optional<PaymentMethodId> methodIdOfSetupKey(String key) {
        if (!key.startsWith(SETUP_KEY_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PaymentMethodId(UUID.fromString(key.substring(SETUP_KEY_PREFIX.length()))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Where to send the customer to add the method. */
    public record SetupStart(PaymentMethodId methodId, String redirectUrl) {
    }

    /** A method being added, as the customer sees it after the check. */
    public record SetupStatus(PaymentMethodId methodId, PaymentMethodStatus status, String label, boolean isDefault,
                              @Nullable String failureReason, PayerId payerId) {

        static SetupStatus of(PaymentMethod method) {
            return new SetupStatus(method.id(), method.status(), method.label(), method.isDefault(),
                    method.failureReason(), method.payerId());
        }
    }

    /** A provider offered for adding a method. */
    public record SetupProvider(String id, String displayName) {
    }

    /** What the removal confirmation says: the default's loss, and the auto-renewing services that top up from it. */
    public record RemovalImpact(String label, boolean isDefault, int autoRenewingServices) {

        public boolean affectsAutoRenewal() {
            return autoRenewingServices > 0;
        }
    }
}
