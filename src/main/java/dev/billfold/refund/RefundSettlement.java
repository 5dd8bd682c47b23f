package dev.billfold.refund;

import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundAnswer;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.payment.PaymentRefunds;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one idempotent state change for news about a refund part: our own call's answer, the recheck job's, and the
 * provider's webhook (through {@link InitiatedRefundNews}) all come through here. Locks in the order the payment
 * module's news handler takes them: the payment's row, then the part's, then the balance. The first final news moves
 * the part; a failure gives the reservation back with one REFUND_RELEASED entry, so duplicated, reordered or raced
 * news changes the balance once. What the provider did is recorded on the payment ({@link PaymentRefunds#record}
 * with {@link PaymentRefunds.Funding#RESERVED}: its refunded amount, REFUNDED when complete), never a second debit.
 */
@Component
class RefundSettlement {

    private static final Logger log = LoggerFactory.getLogger(RefundSettlement.class);

    private final RefundStore store;
    private final Ledger ledger;
    private final PaymentRefunds payments;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RefundSettlement(RefundStore store, Ledger ledger, PaymentRefunds payments, AuditTrail audit,
                     ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.payments = payments;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** In a transaction of its own: our call's answer after the approval's commit, or the recheck job's. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    RefundPart apply(RefundPartId id, RefundAnswer answer) {
        RefundPart unlocked = store.part(id).orElseThrow();
        PaymentRefunds.RefundablePayment payment = payments.lock(unlocked.paymentId());
        RefundPart part = store.lockPart(id).orElseThrow();
        return applyLocked(payment, part, answer);
    }

    /** With the payment's and the part's rows locked by the caller. */
    @Transactional(propagation = Propagation.MANDATORY)
    RefundPart applyLocked(PaymentRefunds.RefundablePayment payment, RefundPart part, RefundAnswer answer) {
        Instant now = clock.instant();
        RefundPartStatus status = part.status();
        boolean open = status == RefundPartStatus.SENDING || status == RefundPartStatus.PENDING;
        return switch (answer.status()) {
            case SUCCEEDED -> open ? succeeded(payment, part, answer.refundReference(), now) : part;
            case PENDING -> pending(payment, part, answer, now);
            case FAILED -> open || status == RefundPartStatus.SUCCEEDED ? failed(payment, part,
                    answer.refundReference(), answer.reason() == null ? "The payment provider did not refund it."
                            : answer.reason(), now) : part;
            case UNKNOWN -> part;
        };
    }

    private RefundPart pending(PaymentRefunds.RefundablePayment payment, RefundPart part, RefundAnswer answer,
                               Instant now) {
        boolean learnsId = answer.refundReference() != null
                && !answer.refundReference().equals(part.providerRefundId());
        if (part.status() == RefundPartStatus.SENDING || (part.status() == RefundPartStatus.PENDING && learnsId)) {
            RefundPart pending = written(part.pending(answer.refundReference(), now));
            record(payment, pending, ProviderRefund.State.PENDING, answer.reason());
            return pending;
        }
        return part;
    }

    private RefundPart succeeded(PaymentRefunds.RefundablePayment payment, RefundPart part, @Nullable String refundId,
                                 Instant now) {
        RefundPart done = written(part.succeeded(refundId, now));
        record(payment, done, ProviderRefund.State.SUCCEEDED, null);
        audit.record(AuditEvent.of("refund.succeeded", "Refunded %s to %s".formatted(done.amount().format(),
                        done.destination()))
                .account(done.accountId()).subject(done.requestId())
                .change(part.status().label(), done.status().label()));
        events.publishEvent(new RefundPartSucceeded(done.id(), done.requestId(), done.paymentId(), done.accountId()));
        log.info("Refund part {} succeeded at {}: {}", done.id().value(), done.provider(), done.amount());
        return done;
    }

    /** The provider refused or failed it: the reserved amount goes back to the balance, once. */
    private RefundPart failed(PaymentRefunds.RefundablePayment payment, RefundPart part, @Nullable String refundId,
                              String reason, Instant now) {
        RefundPart failed = written(part.failed(refundId, reason, now));
        record(payment, failed, ProviderRefund.State.FAILED, reason);
        ledger.post(failed.accountId(), failed.amount(), LedgerEntryKind.REFUND_RELEASED, failed.returnReference());
        audit.record(AuditEvent.of("refund.failed", "Refund of %s to %s failed; returned to the balance"
                        .formatted(failed.amount().format(), failed.destination()))
                .account(failed.accountId()).subject(failed.requestId())
                .change(part.status().label(), failed.status().label()).note(reason));
        log.warn("Refund part {} failed at {}: {}", failed.id().value(), failed.provider(), reason);
        return failed;
    }

    /** The payment's side of it; a refund the provider never created (refused at once) has nothing to record. */
    private void record(PaymentRefunds.RefundablePayment payment, RefundPart part, ProviderRefund.State state,
                        @Nullable String reason) {
        String refundId = part.providerRefundId();
        String provider = part.provider();
        if (refundId == null || provider == null) {
            return;
        }
        payments.record(part.paymentId(), provider, new ProviderRefund(payment.idempotencyKey(),
                payment.providerReference(), refundId, part.amount(), state, reason, part.idempotencyKey()),
                PaymentRefunds.Funding.RESERVED);
    }

    private RefundPart written(RefundPart moved) {
        if (store.update(moved) != 1) {
            // Under the row lock nobody else can have moved it: this is a bug, not a race.
            throw new IllegalStateException("Refund part " + moved.id().value() + " changed under its lock");
        }
        return moved;
    }
}
