package dev.billfold.payment;

import dev.billfold.base.SupportReference;
import dev.billfold.gateway.ChargeCancellation;
import dev.billfold.gateway.ChargeLookup;
import dev.billfold.gateway.ChargeRequest;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentGateway;
import dev.billfold.polling.BackgroundWork;
import dev.billfold.polling.Poller;
import dev.billfold.polling.PollerProperties;
import dev.billfold.polling.ProviderCallLimiter;
import dev.billfold.polling.ProviderLanes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles payments left WAITING_FOR_PAYMENT: checkouts with a provider reference are asked about
 * ({@link PaymentGateway#checkoutResult}), and saved-method charges are asked about by reference or re-sent unchanged
 * with their idempotency key within the provider's replay window ({@link ChargeLookup#chargeResult}). Every answer
 * goes through {@link PaymentSettlement}, the same change as the customer's return and the webhooks, so a payment is
 * credited exactly once whoever gets there first. Unpaid payments are DELETED after their expiry (invoices 30 days,
 * others 3 days; configurable); a saved-method charge never is, it is held for clarification instead (DD-035), and
 * so is a checkout whose provider is switched off or does not answer at its expiry, until it answers (DD-055). A
 * charge that waits for its customer's bank is left alone until the customer was sent to act on it, and one nobody
 * confirmed within the payment expiry is cancelled at the provider and rejected, as nothing was charged (DD-043).
 *
 * <p>Safe on several nodes: rows are claimed in short transactions ({@code FOR UPDATE SKIP LOCKED}, then a lease on
 * {@code next_check_at}), no transaction is open during a provider call, and each provider has its own lane and rate.
 */
@Component
public class WaitingPaymentPoller implements Poller {

    private static final Logger log = LoggerFactory.getLogger(WaitingPaymentPoller.class);
    static final String LANE = "payments:";
    /**
     * Re-sending stops this long before the provider's replay window ends: our clock, theirs, and the call's own time.
     */
    static final Duration REPLAY_MARGIN = Duration.ofHours(1);
    static final String PAST_REPLAY_WINDOW = "The provider did not answer when this payment was charged, and the "
            + "charge can no longer be repeated safely to learn its outcome. Support will check it with the "
            + "provider; nothing will be charged again.";
    static final String NO_RECORDED_REQUEST = "The provider did not answer when this payment was charged, and the "
            + "charge cannot be repeated exactly. Support will check it with the provider; nothing will be charged "
            + "again.";

    private final PaymentCheckStore checks;
    private final PaymentSettlement settlement;
    private final ChargeRequestStore charges;
    private final GatewayRegistry gateways;
    private final ProviderCallLimiter limiter;
    private final ProviderLanes lanes;
    private final PollerProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BackgroundWork work;

    private final CardCountryRefunds cardRefunds;

    WaitingPaymentPoller(PaymentCheckStore checks, PaymentSettlement settlement, ChargeRequestStore charges,
                         GatewayRegistry gateways, ProviderCallLimiter limiter, ProviderLanes lanes,
                         PollerProperties properties, PlatformTransactionManager transactionManager, Clock clock,
                         BackgroundWork work, CardCountryRefunds cardRefunds) {
        this.cardRefunds = cardRefunds;
        this.checks = checks;
        this.settlement = settlement;
        this.charges = charges;
        this.gateways = gateways;
        this.limiter = limiter;
        this.lanes = lanes;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.work = work;
    }

    @Override
    public String description() {
        return "Payment reconciliation";
    }

    /**
     * One cycle: expiry of what needs no question, then each provider's waiting checkouts and charges in its own lane.
     */
    @Override
    public Map<String, Integer> runCycle() {
        expireUnasked();
        if (!work.stopping()) {
            cardRefunds.sendDue();
        }
        List<String> providerLanes = gateways.enabled().stream().map(g -> LANE + g.id()).toList();
        return lanes.run(providerLanes,
                lane -> checkProvider(gateways.find(lane.substring(LANE.length())).orElseThrow()),
                properties.providerBudget().plus(Duration.ofSeconds(5)));
    }

    int checkProvider(PaymentGateway gateway) {
        long deadline = System.nanoTime() + properties.providerBudget().toNanos();
        int asked = checkCheckouts(gateway, deadline);
        return asked + checkCharges(gateway, deadline);
    }

    private int checkCheckouts(PaymentGateway gateway, long deadline) {
        int asked = 0;
        while (System.nanoTime() < deadline && !work.stopping()) {
            Instant now = clock.instant();
            Instant until = leaseEnd(now);
            List<PaymentCheckStore.DuePayment> due = transaction.execute(status ->
                    checks.claimDue(gateway.id(), now, until, properties.batchSize()));
            if (due == null || due.isEmpty()) {
                break;
            }
            for (int i = 0; i < due.size(); i++) {
                PaymentCheckStore.DuePayment payment = due.get(i);
                if (work.stopping()) {
                    release(due.subList(i, due.size()).stream().map(PaymentCheckStore.DuePayment::id).toList(),
                            until);
                    return asked;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !limiter.acquire(gateway.id(), Duration.ofNanos(left))) {
                    return asked;
                }
                try (var ignored = MDC.putCloseable(SupportReference.PAYMENT_ID, payment.id().value().toString())) {
                    settlement.applyPolled(payment.id(), ask(gateway, payment),
                            payment.createdAt().plus(properties.paymentExpiry()),
                            expiryReason(properties.paymentExpiry()), unansweredReason(properties.paymentExpiry()));
                    asked++;
                } catch (RuntimeException e) {
                    log.error("Payment {}: reconciliation failed; due again when its lease ends",
                            payment.id().value(), e);
                }
            }
        }
        return asked;
    }

    /**
     * Saved-method charges still waiting: one with a provider reference is asked about; one without is re-sent
     * unchanged with its idempotency key while the provider still replays it, and held for clarification, without a
     * call, after.
     */
    private int checkCharges(PaymentGateway gateway, long deadline) {
        int asked = 0;
        while (System.nanoTime() < deadline && !work.stopping()) {
            Instant now = clock.instant();
            Instant until = leaseEnd(now);
            List<PaymentCheckStore.DueCharge> due = transaction.execute(status -> checks.claimDueCharges(
                    gateway.id(), now, now.minus(properties.lease()), now.minus(properties.paymentExpiry()),
                    until, properties.batchSize()));
            if (due == null || due.isEmpty()) {
                break;
            }
            for (int i = 0; i < due.size(); i++) {
                PaymentCheckStore.DueCharge charge = due.get(i);
                if (work.stopping()) {
                    release(due.subList(i, due.size()).stream().map(PaymentCheckStore.DueCharge::id).toList(),
                            until);
                    return asked;
                }
                try (var ignored = MDC.putCloseable(SupportReference.PAYMENT_ID, charge.id().value().toString())) {
                    Instant expiresAt = charge.createdAt().plus(properties.paymentExpiry());
                    ChargeCancellation cancellation = gateway.as(ChargeCancellation.class).orElse(null);
                    boolean cancelable = charge.waitsForCustomer() && charge.providerReference() != null
                            && cancellation != null;
                    if (cancelable && !clock.instant().isBefore(expiresAt)) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0 || !limiter.acquire(gateway.id(), Duration.ofNanos(left))) {
                            return asked;
                        }
                        cancelUnconfirmed(cancellation, charge);
                        asked++;
                        continue;
                    }
                    ChargeRequest request = charges.find(charge.id(), charge.idempotencyKey(), charge.amount())
                            .orElse(null);
                    ChargeLookup lookup = gateway.as(ChargeLookup.class).orElse(null);
                    Duration replayWindow = lookup == null ? Duration.ZERO : lookup.chargeReplayWindow();
                    Instant replayEnds = charge.createdAt().plus(replayWindow).minus(REPLAY_MARGIN);
                    if (charge.providerReference() == null
                            && (request == null || !clock.instant().isBefore(replayEnds))) {
                        settlement.holdOpenCharge(charge.id(),
                                request == null ? NO_RECORDED_REQUEST : PAST_REPLAY_WINDOW);
                        continue;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !limiter.acquire(gateway.id(), Duration.ofNanos(left))) {
                        return asked;
                    }
                    GatewayResult result = lookup == null
                            ? GatewayResult.unknown(charge.providerReference(),
                                    "This provider cannot be asked about a charge.")
                            : askCharge(lookup, charge, request);
                    settlement.applyPolledCharge(charge.id(), result, replayEnds, expiresAt,
                            unsettledReason(properties.paymentExpiry()), cancellation != null);
                    asked++;
                } catch (RuntimeException e) {
                    log.error("Payment {}: charge reconciliation failed; due again when its lease ends",
                            charge.id().value(), e);
                }
            }
        }
        return asked;
    }

    /** Millisecond precision, so that a release names its own lease on both databases. */
    private Instant leaseEnd(Instant now) {
        return now.plus(properties.lease()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Shutdown: claimed rows not asked about yet are due again at once, for another node, not after the lease. */
    private void release(List<PaymentId> ids, Instant until) {
        Integer released = transaction.execute(status -> checks.release(ids, until, clock.instant()));
        log.info("Shutdown: released {} claimed payments not checked yet", released);
    }

    /**
     * A charge that waited for its customer past the payment expiry: nothing was charged, so it is cancelled at the
     * provider, where it can then never succeed, and rejected; one the customer confirmed meanwhile is credited once
     * instead (DD-043). Each try has its own key: Stripe replays a saved 5xx for a day.
     */
    private void cancelUnconfirmed(ChargeCancellation gateway, PaymentCheckStore.DueCharge charge) {
        Integer attempt = transaction.execute(status -> checks.recordAttempt(charge.id()));
        String reference = Objects.requireNonNull(charge.providerReference());
        GatewayResult result;
        try {
            result = gateway.cancelCharge(charge.idempotencyKey() + ":cancel:" + attempt, reference);
        } catch (RuntimeException unreachable) {
            log.warn("Payment {}: {} did not answer the cancel", charge.id().value(), gateway.id(), unreachable);
            result = GatewayResult.unknown(reference, "The provider did not answer; we will try again shortly.");
        }
        Payment payment = settlement.cancelUnconfirmed(charge.id(), result,
                unconfirmedReason(properties.paymentExpiry()), unsettledReason(properties.paymentExpiry()));
        log.info("Payment {}: not confirmed by its customer in time; cancel answered {}, payment {}",
                charge.id().value(), result.status(), payment.status());
    }

    static String unconfirmedReason(Duration after) {
        long days = after.toDays();
        return "Not confirmed with your bank within %s. Nothing was charged."
                .formatted(days >= 1 ? days + (days == 1 ? " day" : " days") : "the payment period");
    }

    private static GatewayResult askCharge(ChargeLookup gateway, PaymentCheckStore.DueCharge charge,
                                           @Nullable ChargeRequest request) {
        try {
            if (request == null) {
                // Only reached with a reference: asking about a known charge needs no request to repeat.
                return gateway.chargeResult(new ChargeRequest(charge.idempotencyKey(), "", "", charge.amount(), ""),
                        charge.providerReference());
            }
            return gateway.chargeResult(request, charge.providerReference());
        } catch (RuntimeException unreachable) {
            log.warn("Payment {}: {} did not answer about the charge", charge.id().value(), gateway.id(), unreachable);
            return GatewayResult.unknown(charge.providerReference(),
                    "The provider did not answer; we will check again shortly.");
        }
    }

    static String unsettledReason(Duration after) {
        long days = after.toDays();
        return ("The provider has not given a final answer about this charge within %s. Support will check it with the "
                + "provider; it is credited as soon as the provider confirms it.")
                .formatted(days >= 1 ? days + (days == 1 ? " day" : " days") : "the payment period");
    }

    private static GatewayResult ask(PaymentGateway gateway, PaymentCheckStore.DuePayment payment) {
        try {
            return gateway.checkoutResult(payment.providerReference());
        } catch (RuntimeException unreachable) {
            log.warn("Payment {}: {} did not answer", payment.id().value(), gateway.id(), unreachable);
            return GatewayResult.unknown(payment.providerReference(),
                    "The provider did not answer; we will check again shortly.");
        }
    }

    /**
     * Expiry of what needs no question: unpaid invoices and checkouts never opened at a provider are deleted; a
     * checkout that has a reference at a switched-off provider is held for clarification instead, since it may have
     * been paid there (DD-055).
     */
    private void expireUnasked() {
        Instant now = clock.instant();
        List<String> askable = gateways.enabled().stream().map(PaymentGateway::id).toList();
        holdUnaskable(now, askable);
        deleteExpired(now);
    }

    private void holdUnaskable(Instant now, List<String> askable) {
        List<PaymentId> unaskable;
        do {
            unaskable = transaction.execute(status -> checks.claimUnaskable(now.minus(properties.paymentExpiry()),
                    askable, properties.batchSize()));
            if (unaskable == null) {
                return;
            }
            for (PaymentId id : unaskable) {
                try {
                    settlement.holdUnasked(id, unansweredReason(properties.paymentExpiry()));
                } catch (RuntimeException e) {
                    log.error("Payment {}: could not hold it for clarification", id.value(), e);
                    return;
                }
            }
        } while (unaskable.size() == properties.batchSize());
    }

    private void deleteExpired(Instant now) {
        List<PaymentId> expired;
        do {
            expired = transaction.execute(status -> checks.claimExpired(now.minus(properties.invoiceExpiry()),
                    now.minus(properties.paymentExpiry()), properties.batchSize()));
            if (expired == null) {
                return;
            }
            for (PaymentId id : expired) {
                try {
                    Payment payment = settlement.expire(id, expiryReason(properties.invoiceExpiry()),
                            expiryReason(properties.paymentExpiry()));
                    log.info("Payment {} deleted unpaid ({})", id.value(), payment.methodKind());
                } catch (RuntimeException e) {
                    log.error("Payment {}: could not delete it", id.value(), e);
                    return;
                }
            }
        } while (expired.size() == properties.batchSize());
    }

    /** A checkout whose provider could not be asked at its expiry (switched off, or not answering). */
    static String unansweredReason(Duration after) {
        long days = after.toDays();
        return ("The provider has not told us within %s whether this payment was made. We will ask it again as soon "
                + "as it is available; the payment is credited as soon as the provider confirms it.")
                .formatted(days >= 1 ? days + (days == 1 ? " day" : " days") : "the payment period");
    }

    static String expiryReason(Duration after) {
        long days = after.toDays();
        return days >= 1 ? "Not paid within %d %s; deleted.".formatted(days, days == 1 ? "day" : "days")
                : "Not paid in time; deleted.";
    }
}
