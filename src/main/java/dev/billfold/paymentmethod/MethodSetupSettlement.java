package dev.billfold.paymentmethod;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountCountries;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.cardcountry.CardCountryRules;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.polling.PollerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one idempotent state change for a provider's answer about a setup, whether it comes from the customer's return,
 * a webhook or the poller. The account row is locked first (so two methods of one payer confirmed at once cannot both
 * become its default), then the method row; only a PENDING method moves, so a second answer changes nothing.
 */
@Component
class MethodSetupSettlement {

    private static final Logger log = LoggerFactory.getLogger(MethodSetupSettlement.class);
    static final String ALREADY_SAVED = "This card is already saved.";

    private final PaymentMethodRepository methods;
    private final MethodCheckStore checks;
    private final AccountAccess accounts;
    private final ApplicationEventPublisher events;
    private final PollerProperties poller;
    private final Clock clock;
    private final AuditTrail audit;
    private final CardCountryRules cardRules;
    private final AccountCountries countries;

    MethodSetupSettlement(PaymentMethodRepository methods, MethodCheckStore checks, AccountAccess accounts,
                          ApplicationEventPublisher events, PollerProperties poller, Clock clock, AuditTrail audit,
                          CardCountryRules cardRules, AccountCountries countries) {
        this.audit = audit;
        this.cardRules = cardRules;
        this.countries = countries;
        this.methods = methods;
        this.checks = checks;
        this.accounts = accounts;
        this.events = events;
        this.poller = poller;
        this.clock = clock;
    }

    /** Returns the method after the change, and whether it moved. */
    @Transactional
    Applied apply(PaymentMethodId methodId, GatewayResult result) {
        PaymentMethod method = lock(methodId);
        if (method.status() != PaymentMethodStatus.PENDING) {
            return new Applied(method, false);
        }
        Instant now = clock.instant();
        PaymentMethod next = switch (result.status()) {
            case SUCCEEDED -> {
                GatewayResult.StoredMethod saved = result.storedMethod();
                if (saved == null) {
                    log.warn("Setup of method {} succeeded without a saved method; left pending", methodId.value());
                    yield null;
                }
                if (methods.findByProviderAndProviderToken(method.provider(), saved.token()).isPresent()) {
                    // The same provider method is already on file (e.g. saved by a checkout): keep one of it.
                    yield method.fail(ALREADY_SAVED, now);
                }
                var refused = cardRules.refusal(countries.of(method.accountId()).orElse(null), saved.country());
                if (refused.isPresent()) {
                    // Confirmed at the provider, so it is detached there too (RefusedCards), never charged here.
                    log.info("Method {}: the provider saved a card issued in {}; refused", methodId.value(),
                            refused.get().cardCountry());
                    yield method.refuseCard(saved.token(), refused.get().reason() + " The card was not saved.",
                            refused.get().cardCountry(), now);
                }
                LocalDate expires = saved.expires() == null ? null : saved.expires().atEndOfMonth();
                PaymentMethod copy = keptCopy(method, saved, expires, now);
                if (copy != null) {
                    yield copy;
                }
                yield method.confirmSetup(saved.token(), saved.label(), expires,
                        !methods.payerHasDefault(method.payerId()), saved.country(), saved.fingerprint(), now);
            }
            case DECLINED, CANCELLED -> method.fail(result.reason() == null || result.reason().isBlank()
                    ? "The provider did not save the method." : result.reason(), now);
            case PENDING, UNKNOWN -> null;
        };
        if (next == null) {
            return new Applied(methods.save(method.checked(now)), false);
        }
        PaymentMethod saved = changed(methods.save(next));
        if (saved.status() == PaymentMethodStatus.CONFIRMED) {
            audit.record(AuditEvent.of("paymentmethod.added", "Saved the method " + saved.label())
                    .account(saved.accountId()).subject(methodId).change(null, saved.label()));
        }
        return new Applied(saved, true);
    }

    /**
     * The poller's answer: applied like any other; a method still pending is asked again after the backoff, or fails
     * once it has waited longer than the configured time. Runs after the provider call, in its own short transaction.
     */
    @Transactional
    Applied applyPolled(PaymentMethodId methodId, GatewayResult result) {
        Applied applied = apply(methodId, result);
        PaymentMethod method = applied.method();
        if (method.status() != PaymentMethodStatus.PENDING) {
            return applied;
        }
        Instant now = clock.instant();
        if (!now.isBefore(method.createdAt().plus(poller.giveUpAfter()))) {
            return giveUp(method, now);
        }
        int attempts = checks.recordAttempt(methodId);
        Instant next = now.plus(poller.delayAfter(attempts));
        Instant giveUpAt = method.createdAt().plus(poller.giveUpAfter());
        checks.scheduleNext(methodId, next.isAfter(giveUpAt) ? giveUpAt : next);
        return applied;
    }

    /** A pending method that never got a provider reference (its setup could not be opened) and has waited too long. */
    @Transactional
    Applied giveUpIfDue(PaymentMethodId methodId) {
        PaymentMethod method = lock(methodId);
        Instant now = clock.instant();
        if (method.status() != PaymentMethodStatus.PENDING
                || now.isBefore(method.createdAt().plus(poller.giveUpAfter()))) {
            return new Applied(method, false);
        }
        return giveUp(method, now);
    }

    /** A confirmed card whose expiry month has passed. */
    @Transactional
    boolean expireIfDue(PaymentMethodId methodId, LocalDate today) {
        PaymentMethod method = lock(methodId);
        if (method.status() != PaymentMethodStatus.CONFIRMED || method.expiresOn() == null
                || !method.expiresOn().isBefore(today)) {
            return false;
        }
        changed(methods.save(method.expire(clock.instant())));
        return true;
    }

    private Applied giveUp(PaymentMethod method, Instant now) {
        long days = Math.max(1, poller.giveUpAfter().toDays());
        String reason = "Not confirmed in time: the provider did not confirm the method within %s."
                .formatted(days == 1 ? "a day" : days + " days");
        if (poller.giveUpAfter().compareTo(Duration.ofDays(1)) < 0) {
            reason = "Not confirmed in time: the provider did not confirm the method.";
        }
        return new Applied(changed(methods.save(method.fail(reason, now))), true);
    }

    private PaymentMethod lock(PaymentMethodId methodId) {
        PaymentMethod unlocked = methods.findById(methodId).orElseThrow();
        accounts.lockForUpdate(unlocked.accountId());
        return methods.findLockedById(methodId).orElseThrow();
    }

    /**
     * The same card already saved for this payer (by the provider's fingerprint, DD-100): one entry stays. A later
     * expiry renews that entry with the new token; the setup fails with "This card is already saved" and holds the
     * token the provider should drop, detached after the commit like a refused card. Null when the card is new.
     */
    private @Nullable PaymentMethod keptCopy(PaymentMethod pending, GatewayResult.StoredMethod saved,
                                             @Nullable LocalDate expires, Instant now) {
        if (saved.fingerprint() == null) {
            return null;
        }
        List<PaymentMethod> copies = methods.findConfirmedLockedByFingerprint(pending.payerId(), pending.provider(),
                saved.fingerprint());
        if (copies.isEmpty()) {
            return null;
        }
        PaymentMethod kept = copies.getFirst();
        if (expires != null && (kept.expiresOn() == null || expires.isAfter(kept.expiresOn()))) {
            String older = Objects.requireNonNull(kept.providerToken());
            changed(methods.save(kept.renewedBy(saved.token(), saved.label(), expires, now)));
            log.info("Method {}: the same card saved again with a later expiry; method {} renewed",
                    pending.id().value(), kept.id().value());
            return pending.duplicate(older, saved.fingerprint(),
                    ALREADY_SAVED + " Its new expiry replaces the old one.", now);
        }
        log.info("Method {}: the same card as method {}; not saved twice", pending.id().value(), kept.id().value());
        return pending.duplicate(saved.token(), saved.fingerprint(), ALREADY_SAVED, now);
    }

    private PaymentMethod changed(PaymentMethod method) {
        events.publishEvent(PaymentMethodChanged.of(method));
        return method;
    }

    record Applied(PaymentMethod method, boolean moved) {
    }
}
