package dev.billfold.refund;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountId;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.NotFoundException;
import dev.billfold.base.Texts;
import dev.billfold.base.TimeCursor;
import dev.billfold.ledger.Ledger;
import dev.billfold.payment.PaymentRefunds;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's side of refunds (DD-071, DD-072): the approval queue, the bank payouts, and Finance's refund of
 * one payment. Everything that moves money is Finance's ({@link StaffAccess.Action#MOVE_MONEY}) and audited in the
 * same transaction; reading is for every staff member who reads accounts. A decision is a conditional update of a
 * waiting request: of two approvers at once, the second is told what the first did and changes nothing.
 */
@Service
public class RefundDesk {

    /** The most queue rows one call returns. */
    public static final int PAGE_MAX = 500;

    private static final Logger log = LoggerFactory.getLogger(RefundDesk.class);

    private final StaffAccess staff;
    private final RefundStore store;
    private final RefundReservations reservations;
    private final RefundableTopUps topUps;
    private final Ledger ledger;
    private final AccountAccess accounts;
    private final PaymentRefunds payments;
    private final AuditTrail audit;
    private final Clock clock;

    RefundDesk(StaffAccess staff, RefundStore store, RefundReservations reservations, RefundableTopUps topUps,
               Ledger ledger, PaymentRefunds payments, AuditTrail audit, AccountAccess accounts, Clock clock) {
        this.accounts = accounts;
        this.payments = payments;
        this.staff = staff;
        this.store = store;
        this.reservations = reservations;
        this.topUps = topUps;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Requests waiting for approval, oldest first. */
    @Transactional(readOnly = true)
    public List<RefundQueueRow> waiting(int offset, int limit) {
        staff.require(StaffAccess.Action.READ, null);
        requirePage(offset, limit);
        return store.waiting(offset, Math.min(limit, PAGE_MAX)).stream().map(this::row).toList();
    }

    @Transactional(readOnly = true)
    public int waitingCount() {
        staff.require(StaffAccess.Action.READ, null);
        return store.waitingCount();
    }

    /** Approves a customer's request: provider parts are sent after the commit, bank parts join the payouts. */
    @Transactional
    public RefundQueueRow approve(RefundRequestId id, String decisionNote) {
        StaffMember me = staff.require(StaffAccess.Action.MOVE_MONEY, id);
        String note = RefundInput.note(decisionNote, "decision", false);
        RefundRequest waiting = waiting(id);
        RefundRequest approved = waiting.approved(me.userId(), clock.instant(), note.isEmpty() ? null : note);
        decide(approved);
        List<RefundPart> parts = reservations.approve(store.parts(id));
        audit.record(AuditEvent.of("refund.approved", "Approved a refund of %s".formatted(approved.amount().format()))
                .account(approved.accountId()).subject(id).change("Awaiting approval", "Approved: " + parts.size()
                        + (parts.size() == 1 ? " part" : " parts") + " under way")
                .note(approved.decisionNote()).staffOnly());
        log.info("Refund {} approved: staff={}", id.value(), me.userId().value());
        return row(approved);
    }

    /**
     * Rejects a customer's request: every reserved part goes back to the balance, once. The note is required and is
     * what the customer reads as the reason.
     */
    @Transactional
    public RefundQueueRow reject(RefundRequestId id, String reason) {
        StaffMember me = staff.require(StaffAccess.Action.MOVE_MONEY, id);
        String note = RefundInput.note(reason, "decision", true);
        RefundRequest waiting = waiting(id);
        RefundRequest rejected = waiting.rejected(me.userId(), clock.instant(), note);
        decide(rejected);
        reservations.cancel(store.parts(id), "Rejected: " + note);
        audit.record(AuditEvent.of("refund.rejected", "Rejected a refund of %s; returned to the balance"
                        .formatted(rejected.amount().format()))
                .account(rejected.accountId()).subject(id).change("Awaiting approval", "Rejected").note(note));
        log.info("Refund {} rejected: staff={}", id.value(), me.userId().value());
        return row(rejected);
    }

    /** Bank-transfer parts waiting for Finance to pay them out, oldest first, with the bank details to pay to. */
    @Transactional(readOnly = true)
    public List<PayoutRow> payouts(int offset, int limit) {
        staff.require(StaffAccess.Action.MOVE_MONEY, null);
        requirePage(offset, limit);
        return store.payoutsDue(offset, Math.min(limit, PAGE_MAX)).stream().map(this::payout).toList();
    }

    @Transactional(readOnly = true)
    public int payoutCount() {
        staff.require(StaffAccess.Action.READ, null);
        return store.payoutsDueCount();
    }

    /** Finance paid a bank part out: the transfer's reference is recorded, and the customer's refund shows it. */
    @Transactional
    public PayoutRow recordPayout(RefundPartId id, String transferReference) {
        StaffMember me = staff.require(StaffAccess.Action.MOVE_MONEY, id);
        String reference = RefundInput.reference(transferReference);
        RefundPart unlocked = store.part(id)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.refund.payout-not-found"));
        // The payment's row first, as every refund path takes it; then the part's.
        PaymentRefunds.RefundablePayment payment = payments.lock(unlocked.paymentId());
        RefundPart due = store.lockPart(id).orElseThrow();
        if (due.status() != RefundPartStatus.PAYOUT_DUE) {
            throw InvalidRequestException.keyed(null, "errors.refund.payout-recorded", due.payoutReference());
        }
        PayoutRow row = payout(due);
        reservations.paidOut(payment, due, reference);
        log.info("Refund part {} paid out: staff={}", id.value(), me.userId().value());
        return row;
    }

    /** The account's payments as Finance refunds them, with the balance that bounds a refund, and its refunds. */
    @Transactional(readOnly = true)
    public OperatorRefundForm form(AccountId accountId) {
        staff.require(StaffAccess.Action.READ, accountId);
        Money balance = store.balance(accountId)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.refund.account-not-found"));
        List<RefundSummary> refunds = store.requestsOf(accountId, 0, PAGE_MAX).stream()
                .map(r -> RefundSummary.of(r, store.parts(r.id()))).toList();
        return new OperatorRefundForm(accountId, balance, topUps.of(accountId, clock.instant()), refunds);
    }

    /**
     * Finance refunds one credited payment, fully or in part, by the same path as a customer's request: within what
     * the payment has left and its provider's window, and never more than the balance (the money reserved at once,
     * under the balance row's lock); sent at once, with the part's key; the note is required and audited.
     */
    @Transactional
    public RefundQueueRow refundPayment(OperatorRefund refund) {
        return refund(staff.require(StaffAccess.Action.MOVE_MONEY, refund.paymentId()), refund, null);
    }

    /**
     * The same refund as the API asks for it (DD-079): the amount comes with its currency, which must be the
     * account's; an amount in another currency is refused, never converted.
     */
    @Transactional
    public RefundQueueRow refundPaymentInCurrency(OperatorRefund refund, String currency) {
        return refund(staff.require(StaffAccess.Action.MOVE_MONEY, refund.paymentId()), refund, currency);
    }

    /** One refund, with its parts, for whoever reads accounts; an unknown id is not found. */
    @Transactional(readOnly = true)
    public RefundQueueRow refund(RefundRequestId id) {
        staff.require(StaffAccess.Action.READ, id);
        return row(store.find(id).orElseThrow(() -> new NotFoundException("There is no such refund.")));
    }

    /** An account's refunds (its customers' requests and Finance's), newest first and keyset-paged. */
    @Transactional(readOnly = true)
    public RefundPage refunds(AccountId accountId, @Nullable String cursor, int limit) {
        staff.require(StaffAccess.Action.READ, accountId);
        if (limit < 1 || limit > RefundService.PAGE_MAX) {
            throw new InvalidRequestException("limit", "A page has 1 to %d items.".formatted(RefundService.PAGE_MAX));
        }
        TimeCursor after = TimeCursor.decode(cursor);
        store.account(accountId).orElseThrow(() -> new NotFoundException("There is no such account."));
        List<RefundRequest> rows = store.requestsOf(accountId, after, limit + 1);
        boolean more = rows.size() > limit;
        List<RefundRequest> page = more ? rows.subList(0, limit) : rows;
        return new RefundPage(page.stream().map(this::row).toList(), more
                ? new TimeCursor(page.getLast().requestedAt(), page.getLast().id().value()).encode() : null);
    }

    private RefundQueueRow refund(StaffMember me, OperatorRefund refund, @Nullable String currency) {
        String key = RefundInput.key(refund.requestKey());
        String note = RefundInput.note(refund.note(), "note", true);
        AccountId accountId = topUps.accountOf(refund.paymentId())
                .orElseThrow(() -> new NotFoundException("There is no such payment."));
        // The account row, then the balance: the order renewals lock in, so the two never deadlock.
        accounts.lockForUpdate(accountId);
        Money balance = ledger.lockBalance(accountId);
        Optional<RefundRequest> earlier = store.findByKey(key);
        if (earlier.isPresent()) {
            // The same key again (a double click, a client's retry) is the first refund, if it was of this payment.
            if (store.parts(earlier.get().id()).stream().anyMatch(p -> !p.paymentId().equals(refund.paymentId()))) {
                throw InvalidRequestException.keyed(null, "errors.refund.key-reused");
            }
            return row(earlier.get());
        }
        if (currency != null && !balance.currencyCode().equals(currency)) {
            throw new InvalidRequestException("amount.currency", "The account keeps its balance in %s; a refund is "
                    .formatted(balance.currencyCode()) + "in that currency.");
        }
        Instant now = clock.instant();
        RefundableTopUp topUp = topUps.one(accountId, refund.paymentId(), now)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.refund.not-credited"));
        if (!topUp.eligible()) {
            // The payment's own reason, where it has one, as the payments feature words it.
            throw topUp.notRefundable() == null ? InvalidRequestException.keyed(null, "errors.refund.nothing-left")
                    : new InvalidRequestException(topUp.notRefundable());
        }
        if (topUp.route() == RefundRoute.PAYOUT) {
            throw InvalidRequestException.keyed(null, "errors.refund.transfer-by-payout");
        }
        RefundAllocation allocation = new RefundAllocation(balance, List.of(topUp));
        Money amount = RefundInput.amount(refund.amount(), balance.currency(), allocation.refundable());
        RefundRequest request = reservations.reserve(accountId, amount, allocation.allocate(amount),
                RefundOrigin.OPERATOR, true, key, me.userId(), note, null);
        audit.record(AuditEvent.of("refund.operator", "Refunded %s of a payment to %s".formatted(amount.format(),
                        topUp.destination()))
                .account(accountId).subject(request.id())
                .change("Balance " + balance.format(), "Balance " + balance.minus(amount).format()).note(note));
        log.info("Operator refund {}: staff={} payment={} amount={}", request.id().value(), me.userId().value(),
                refund.paymentId().value(), amount);
        return row(request);
    }

    private RefundRequest waiting(RefundRequestId id) {
        RefundRequest request = store.find(id)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.refund.request-not-found"));
        if (request.status() != RefundRequestStatus.AWAITING_APPROVAL) {
            throw alreadyDecided(id);
        }
        return request;
    }

    private void decide(RefundRequest decided) {
        if (store.decide(decided) != 1) {
            throw alreadyDecided(decided.id());
        }
    }

    /** What the other decider did, for the one who came second (read after their commit). */
    private InvalidRequestException alreadyDecided(RefundRequestId id) {
        RefundRequest request = store.find(id).orElseThrow();
        Object who = request.decidedBy() == null ? null : store.userName(request.decidedBy()).orElse(null);
        return InvalidRequestException.keyed(null, request.status() == RefundRequestStatus.REJECTED
                        ? "errors.refund.already-rejected" : "errors.refund.already-approved",
                who == null ? new Texts.Message("errors.refund.someone") : who);
    }

    private RefundQueueRow row(RefundRequest request) {
        RefundStore.AccountHead account = store.account(request.accountId()).orElseThrow();
        RefundRequest.PayoutAccount payout = request.payout();
        return new RefundQueueRow(RefundSummary.of(request, store.parts(request.id())), account.name(),
                account.number(), store.userName(request.requestedBy()).orElse("?"), request.note(),
                payout == null ? null : payout.holder(), payout == null ? null : payout.iban(),
                payout == null ? null : payout.bic());
    }

    private PayoutRow payout(RefundPart part) {
        RefundRequest request = store.find(part.requestId()).orElseThrow();
        RefundStore.AccountHead account = store.account(part.accountId()).orElseThrow();
        RefundRequest.PayoutAccount to = request.payout();
        if (to == null) {
            throw new IllegalStateException("Refund " + request.id().value()
                    + " has a payout part without bank details");
        }
        return new PayoutRow(part.id(), part.requestId(), part.accountId(), account.name(), account.number(),
                part.amount(), part.destination(), to.holder(), to.iban(), to.bic(), part.updatedAt());
    }

    private static void requirePage(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw InvalidRequestException.keyed("page", "errors.page.none");
        }
    }
}
