package dev.billfold.refund;

import dev.billfold.account.AccountId;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.Money;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.payment.PaymentRefunds;
import dev.billfold.security.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money side of a request, inside the caller's transaction: the reservation (one REFUND debit per part, keyed by
 * the part), the approval (provider parts sent after the commit, bank parts queued for payout) and the rejection
 * (each reservation returned by one REFUND_RETURN entry). The caller holds the balance row's lock and checked access.
 */
@Component
class RefundReservations {

    private final RefundStore store;
    /** The "provider" a bank payout is recorded under on the payment. */
    static final String BANK_PAYOUT = "bank-payout";

    private final Ledger ledger;
    private final PaymentRefunds payments;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RefundReservations(RefundStore store, Ledger ledger, PaymentRefunds payments, AuditTrail audit,
                       ApplicationEventPublisher events, Clock clock) {
        this.payments = payments;
        this.store = store;
        this.ledger = ledger;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    RefundRequest reserve(AccountId accountId, Money amount, List<RefundAllocation.Share> shares, RefundOrigin origin,
                          boolean approvedAtOnce, String requestKey, UserId by, @Nullable String note,
                          RefundRequest.@Nullable PayoutAccount payout) {
        Instant now = clock.instant();
        RefundRequest request = RefundRequest.asked(accountId, amount, origin, approvedAtOnce, requestKey, by, now,
                note, payout);
        store.insert(request);
        List<RefundPart> parts = new ArrayList<>();
        for (RefundAllocation.Share share : shares) {
            RefundPart reserved = RefundPart.reserved(request.id(), accountId, share, now);
            RefundPart part = approvedAtOnce ? reserved.approved(now) : reserved;
            store.insert(part, parts.size());
            ledger.post(accountId, part.amount().negate(), LedgerEntryKind.REFUND_RESERVED, part.ledgerReference());
            parts.add(part);
        }
        if (approvedAtOnce) {
            sendAfterCommit(parts);
        }
        return request;
    }

    /** Finance's approval (or an operator's own refund): provider parts go out after the commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<RefundPart> approve(List<RefundPart> reserved) {
        Instant now = clock.instant();
        List<RefundPart> approved = new ArrayList<>();
        for (RefundPart part : reserved) {
            RefundPart moved = part.approved(now);
            if (store.update(moved) != 1) {
                throw new IllegalStateException("Refund part " + part.id().value() + " changed under its request");
            }
            approved.add(moved);
        }
        sendAfterCommit(approved);
        return approved;
    }

    /** A rejection: every reservation back to the balance, once. */
    @Transactional(propagation = Propagation.MANDATORY)
    void cancel(List<RefundPart> reserved, String reason) {
        Instant now = clock.instant();
        for (RefundPart part : reserved) {
            RefundPart cancelled = part.cancelled(reason, now);
            if (store.update(cancelled) != 1) {
                throw new IllegalStateException("Refund part " + part.id().value() + " changed under its request");
            }
            ledger.post(part.accountId(), part.amount(), LedgerEntryKind.REFUND_RELEASED, part.returnReference());
        }
    }

    /** A bank payout done: Finance records the transfer's reference; the money has left. */
    @Transactional(propagation = Propagation.MANDATORY)
    RefundPart paidOut(PaymentRefunds.RefundablePayment payment, RefundPart due, String reference) {
        RefundPart paid = due.paidOut(reference, clock.instant());
        if (store.update(paid) != 1) {
            throw new IllegalStateException("Refund part " + due.id().value() + " changed under its lock");
        }
        // The payment counts it as refunded from now on (REFUNDED once complete); the money was reserved already.
        payments.record(paid.paymentId(), BANK_PAYOUT, new ProviderRefund(payment.idempotencyKey(), null,
                paid.idempotencyKey(), paid.amount(), ProviderRefund.State.SUCCEEDED, null, paid.idempotencyKey()),
                PaymentRefunds.Funding.RESERVED);
        audit.record(AuditEvent.of("refund.paid-out", "Paid out %s by bank transfer".formatted(paid.amount().format()))
                .account(paid.accountId()).subject(paid.requestId())
                .change(due.status().label(), paid.status().label()));
        events.publishEvent(new RefundPartSucceeded(paid.id(), paid.requestId(), paid.paymentId(), paid.accountId()));
        return paid;
    }

    private void sendAfterCommit(List<RefundPart> parts) {
        List<RefundPartId> toSend = parts.stream().filter(p -> p.status() == RefundPartStatus.SENDING)
                .map(RefundPart::id).toList();
        if (!toSend.isEmpty()) {
            events.publishEvent(new RefundSender.RefundPartsApproved(toSend));
        }
    }
}
