package dev.billfold.payment;

import dev.billfold.account.AccountCountries;
import dev.billfold.cardcountry.CardCountryRules;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.paymentmethod.PaymentMethodService;
import dev.billfold.polling.PollerProperties;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one idempotent state change for a provider's answer. The return redirect, webhooks and the poller all come
 * through here. The payment row is locked first, so concurrent confirmations queue up; the first one moves the payment
 * and writes the ledger entry in the same transaction, the rest find it settled and change nothing.
 */
@Component
class PaymentSettlement {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    private final PaymentStateStore payments;
    private final Ledger ledger;
    private final PaymentMethodService methods;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PaymentCheckStore checks;
    private final PollerProperties poller;
    private final PaymentCustomerActions customerActions;
    private final PaymentRefunds refunds;
    private final CardCountryRules cardRules;
    private final AccountCountries countries;
    private final CardCountryRefunds cardRefunds;

    PaymentSettlement(PaymentStateStore payments, Ledger ledger, PaymentMethodService methods, Clock clock,
                      ApplicationEventPublisher events, PaymentCheckStore checks, PollerProperties poller,
                      PaymentCustomerActions customerActions, PaymentRefunds refunds, CardCountryRules cardRules,
                      AccountCountries countries, CardCountryRefunds cardRefunds) {
        this.cardRules = cardRules;
        this.countries = countries;
        this.cardRefunds = cardRefunds;
        this.refunds = refunds;
        this.customerActions = customerActions;
        this.checks = checks;
        this.poller = poller;
        this.payments = payments;
        this.ledger = ledger;
        this.methods = methods;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    Payment apply(PaymentId paymentId, GatewayResult result) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (!result.isFor(payment.idempotencyKey())) {
            // The provider's order is another payment's (its key says so): it can neither credit nor reject this one.
            // The key itself is not logged (docs/security.md, item 7).
            log.warn("Payment {}: the provider's answer is about an order with another key; nothing changed",
                    paymentId.value());
            return payment;
        }
        if (payment.status() == PaymentStatus.WAITING_FOR_CLARIFICATION) {
            return payments.isOutcomeOpen(paymentId) ? settleOpenOutcome(payment, result) : payment;
        }
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return payment;
        }
        var now = clock.instant();
        if (result.reference() != null && payment.providerReference() == null) {
            payment = payment.withProviderReference(result.reference(), now);
        }
        Payment next = switch (result.status()) {
            case SUCCEEDED -> succeeded(payment, result);
            case DECLINED -> payment.reject(reasonOr(result, "Declined by the payment provider."), now);
            case CANCELLED -> payment.reject(reasonOr(result, "Cancelled on the payment page."), now);
            case PENDING, UNKNOWN -> payment.withWaitingReason(result.reason(), now);
        };
        if (result.status() == GatewayResult.Status.PENDING) {
            // A pending answer says whether the customer is still needed; an unknown one says nothing, so keeps it.
            customerActions.record(paymentId, result.customerAction(), now);
        }
        return published(stored(next));
    }

    /**
     * The reconciler's answer about a checkout, waiting or held because its provider could not be asked at its
     * expiry: applied like the return's. One still open is asked again after the backoff. Once past {@code expiresAt}
     * it is DELETED only when the provider has just said it was not paid; a provider that did not answer says
     * nothing, so the checkout is held for clarification with {@code holdReason} instead, and asked again (DD-055).
     */
    @Transactional
    Payment applyPolled(PaymentId paymentId, GatewayResult result, Instant expiresAt, String expiryReason,
                        String holdReason) {
        Payment payment = apply(paymentId, result);
        boolean held = payment.status() == PaymentStatus.WAITING_FOR_CLARIFICATION
                && payments.isOutcomeOpen(paymentId);
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT && !held) {
            return payment;
        }
        Instant now = clock.instant();
        if (now.isBefore(expiresAt)) {
            Instant next = now.plus(poller.delayAfter(checks.recordAttempt(paymentId)));
            checks.scheduleNext(paymentId, next.isAfter(expiresAt) ? expiresAt : next);
            return payment;
        }
        if (result.status() == GatewayResult.Status.PENDING) {
            // The provider has just said it was not paid.
            if (held) {
                payments.markOutcomeOpen(paymentId, false);
            }
            return published(payments.update(payment.delete(expiryReason, now)));
        }
        if (!held) {
            payment = holdUnanswered(payment, holdReason, now);
        }
        // No answer yet (or a success it cannot take, DD-009): asked again, never deleted unasked.
        checks.scheduleNext(paymentId, now.plus(poller.delayAfter(checks.recordAttempt(paymentId))));
        return payment;
    }

    /**
     * A checkout with a provider reference past its expiry whose provider is switched off: it may have been paid, so
     * it is held for clarification, not DELETED unasked; the poller asks the provider once it is switched on again,
     * and its webhook still settles it (DD-055).
     */
    @Transactional
    Payment holdUnasked(PaymentId paymentId, String reason) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return payment;
        }
        return holdUnanswered(payment, reason, clock.instant());
    }

    /** Held with its answer open and its questions started afresh: the first comes as soon as it is due. */
    private Payment holdUnanswered(Payment payment, String reason, Instant now) {
        log.warn("Payment {}: its provider could not be asked at its expiry; held for clarification",
                payment.id().value());
        payments.markOutcomeOpen(payment.id(), true);
        checks.restart(payment.id());
        return published(payments.update(payment.holdForClarification(reason, now)));
    }

    /**
     * The reconciler's answer about a saved-method charge (DD-034, DD-035). Applied like any answer; one still open is
     * asked again after the backoff, but never after {@code resendUntil} while it has no provider reference (the next
     * cycle then holds it without a call), and it is held for clarification once {@code holdAt} has passed. It is
     * never DELETED: the money may have moved. A charge that still waits for its customer keeps its action and its
     * words when the provider could not be asked, and with {@code cancelWhenExpired} it is due for the cancel at
     * {@code holdAt} instead of being held (DD-043).
     */
    @Transactional
    Payment applyPolledCharge(PaymentId paymentId, GatewayResult result, Instant resendUntil, Instant holdAt,
                              String holdReason, boolean cancelWhenExpired) {
        Payment locked = payments.lock(paymentId).orElseThrow();
        // Nothing was learnt: the customer still sees why it waits, and the button.
        Payment payment = result.status() == GatewayResult.Status.UNKNOWN && customerActions.open(paymentId).isPresent()
                ? locked : apply(paymentId, result);
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return payment;
        }
        Instant now = clock.instant();
        if (!now.isBefore(holdAt) && cancelWhenExpired && customerActions.open(paymentId).isPresent()) {
            checks.scheduleNext(paymentId, now);
            return payment;
        }
        if (!now.isBefore(holdAt)) {
            return holdOpen(payment, holdReason, now);
        }
        Instant next = now.plus(poller.delayAfter(checks.recordAttempt(paymentId)));
        if (payment.providerReference() == null && next.isAfter(resendUntil)) {
            next = resendUntil;
        }
        if (next.isAfter(holdAt)) {
            next = holdAt;
        }
        // Never due again within this cycle: a cap a hair after now (the database keeps microseconds) would be
        // claimed and asked again at once. A minute later it is held, well inside the margin.
        Instant soonest = now.plus(poller.delayAfter(1));
        checks.scheduleNext(paymentId, next.isBefore(soonest) ? soonest : next);
        return payment;
    }

    /**
     * A saved-method charge whose outcome cannot be learnt safely any more (past the provider's replay window without a
     * reference, or with no recorded request): WAITING_FOR_CLARIFICATION for support, without asking the provider.
     */
    @Transactional
    Payment holdOpenCharge(PaymentId paymentId, String reason) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return payment;
        }
        return holdOpen(payment, reason, clock.instant());
    }

    private Payment holdOpen(Payment payment, String reason, Instant now) {
        log.warn("Payment {}: charge outcome still unknown; held for clarification: {}", payment.id().value(), reason);
        payments.markOutcomeOpen(payment.id(), true);
        return published(payments.update(payment.holdForClarification(reason, now)));
    }

    /**
     * The provider's news about a payment held while its outcome was open (a charge, or a checkout whose provider could
     * not be asked at its expiry): a final answer settles it (credited once, or rejected), anything else leaves it
     * held. Other clarifications (a different amount) are not touched.
     */
    private Payment settleOpenOutcome(Payment payment, GatewayResult result) {
        boolean settles = switch (result.status()) {
            case SUCCEEDED -> payment.charged().equals(result.reportedAmount());
            case DECLINED, CANCELLED -> true;
            case PENDING, UNKNOWN -> false;
        };
        if (!settles) {
            return payment;
        }
        var now = clock.instant();
        if (result.reference() != null && payment.providerReference() == null) {
            payment = payment.withProviderReference(result.reference(), now);
        }
        // The amount was checked above, so a success takes the one crediting path every answer takes.
        Payment next = result.status() == GatewayResult.Status.SUCCEEDED ? succeeded(payment, result)
                : payment.reject(reasonOr(result, "Declined by the payment provider."), now);
        payments.markOutcomeOpen(payment.id(), false);
        log.info("Payment {}: the provider settled a payment held for clarification: {}", payment.id().value(),
                next.status());
        return published(stored(next));
    }

    /**
     * The provider's answer to cancelling a charge that waited for its customer past its expiry (DD-043). Cancelled:
     * REJECTED with {@code reason}, nothing was charged. Already decided (the customer confirmed, or their bank
     * refused): that outcome, as any answer, so a success is credited exactly once. Still processing the customer's
     * confirmation, or not cancelled for a reason another try cannot change: held for clarification like any charge
     * without a final answer, never looped on. No answer: it keeps waiting with its button and words, and is tried
     * again in the next cycle. A provider with no such charge answers DECLINED: rejected, never credited (DD-048).
     */
    @Transactional
    Payment cancelUnconfirmed(PaymentId paymentId, GatewayResult result, String reason, String holdReason) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return payment;
        }
        Instant now = clock.instant();
        return switch (result.status()) {
            case CANCELLED -> {
                customerActions.record(paymentId, null, now);
                yield published(payments.update(payment.reject(reason, now)));
            }
            case SUCCEEDED, DECLINED -> apply(paymentId, result);
            case PENDING -> {
                // Still processing, or refused for good: another cancel cannot help, so support takes it, and the
                // provider's later final word still settles it (DD-048).
                customerActions.record(paymentId, null, now);
                yield holdOpen(payment, holdReason, now);
            }
            case UNKNOWN -> {
                checks.scheduleNext(paymentId, now.plus(poller.delayAfter(1)));
                yield payment;
            }
        };
    }

    /** A payment nobody paid in time: DELETED, if it is still waiting. */
    @Transactional
    Payment expire(PaymentId paymentId, String invoiceReason, String otherReason) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return payment;
        }
        String reason = payment.methodKind() == MethodKind.INVOICE ? invoiceReason : otherReason;
        return published(payments.update(payment.delete(reason, clock.instant())));
    }

    /** A checkout that could not even be opened: nothing was charged, so it is rejected with the reason. */
    @Transactional
    Payment rejectUnstarted(PaymentId paymentId, String reason) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return payment;
        }
        return published(payments.update(payment.reject(reason, clock.instant())));
    }

    /**
     * Stores the settled payment; one just credited then takes the debits of refunds and disputes its provider
     * reported before the credit, in this transaction (DD-070).
     */
    private Payment stored(Payment next) {
        Payment stored = payments.update(next);
        return stored.status().isCredited() ? refunds.applyDeferred(stored) : stored;
    }

    /** Tells listeners (after the commit) that a payment left WAITING_FOR_PAYMENT, e.g. to complete a renewal order. */
    private Payment published(Payment payment) {
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            events.publishEvent(new PaymentSettled(payment.id(), payment.accountId(), payment.idempotencyKey(),
                    payment.status(), payment.statusReason()));
        }
        return payment;
    }

    @Transactional
    Payment attachReference(PaymentId paymentId, String reference) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (reference.equals(payment.providerReference()) || payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return payment;
        }
        return payments.update(payment.withProviderReference(reference, clock.instant()));
    }

    private Payment succeeded(Payment payment, GatewayResult result) {
        var now = clock.instant();
        // The provider answers in what it charged: a quote's pay amount when paid in another currency (DD-096).
        if (result.reportedAmount() == null || !result.reportedAmount().equals(payment.charged())) {
            log.warn("Payment {}: provider reported {} but the payment is for {}; held for clarification",
                    payment.id().value(), result.reportedAmount(), payment.charged());
            return payment.holdForClarification("The provider reported a different amount (%s) than this payment (%s)."
                    .formatted(result.reportedAmount() == null ? "none" : result.reportedAmount().format(),
                            payment.charged().format()), now);
        }
        var refused = cardRules.refusal(countries.of(payment.accountId()).orElse(null), result.cardCountry());
        if (refused.isPresent()) {
            // The provider took the money from a card we may not accept: nothing is credited, and it goes back.
            log.warn("Payment {}: paid with a card issued in {}; rejected and refunded", payment.id().value(),
                    refused.get().cardCountry());
            cardRefunds.owe(payment.id(), refused.get().cardCountry(), now);
            return payment.reject(refused.get().reason()
                    + " The payment was refunded to the card, and nothing was added to the balance.", now);
        }
        Payment credited = payment.credit(now);
        ledger.post(payment.accountId(), credited.credited(), LedgerEntryKind.TOP_UP, payment.ledgerReference());
        if (payment.saveMethod() && result.storedMethod() != null && payment.provider() != null) {
            methods.recordConfirmedFromCheckout(payment.accountId(), payment.payerId(), payment.provider(),
                    result.storedMethod());
        }
        return credited;
    }

    private static String reasonOr(GatewayResult result, String fallback) {
        return result.reason() == null || result.reason().isBlank() ? fallback : result.reason();
    }
}
