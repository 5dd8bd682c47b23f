package dev.billfold.refund;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountContext;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InternalCall;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.ledger.Ledger;
import dev.billfold.payment.PaymentDocument;
import dev.billfold.payment.PaymentId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's refunds of unused balance (DD-071): what can be refunded and why, the request, and where each request
 * stands. Any member reads; only Owner and Billing members ask. The requested amount is reserved in the request's own
 * transaction, under the balance row's lock (the one renewals take), so it can never be spent meanwhile, and two
 * requests (or a request and a renewal) can never take more than the balance.
 */
@Service
public class RefundService {

    /** The most rows one call returns. */
    public static final int PAGE_MAX = 100;

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final AccountAccess access;
    private final Ledger ledger;
    private final RefundableTopUps topUps;
    private final RefundStore store;
    private final RefundReservations reservations;
    private final RefundDocuments documents;
    private final RefundRequestProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    RefundService(AccountAccess access, Ledger ledger, RefundableTopUps topUps, RefundStore store,
                  RefundReservations reservations, RefundDocuments documents, RefundRequestProperties properties,
                  AuditTrail audit, Clock clock) {
        this.access = access;
        this.ledger = ledger;
        this.topUps = topUps;
        this.store = store;
        this.reservations = reservations;
        this.documents = documents;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the current account may have refunded now, how that was worked out, and where it would go. */
    @Transactional(readOnly = true)
    public RefundQuote quote() {
        AccountContext account = access.current();
        Money balance = ledger.balance(account.accountId());
        RefundAllocation allocation = new RefundAllocation(balance, topUps.of(account.accountId(), clock.instant()));
        Money refundable = allocation.refundable();
        List<RefundQuote.Destination> destinations = allocation.allocate(refundable).stream()
                .map(share -> new RefundQuote.Destination(share.topUp().destination(), share.amount(),
                        share.topUp().route()))
                .toList();
        return new RefundQuote(balance, refundable, allocation.refundableTopUps(),
                topUps.grantedCredit(account.accountId(), account.currency()), allocation.topUps(), destinations,
                properties.approval() == RefundRequestProperties.Approval.IMMEDIATE, account.role().mayMoveMoney());
    }

    /**
     * Asks for a refund of up to the refundable amount: allocated to the most recent refundable top-ups first,
     * reserved at once, and sent (immediate approval) or queued for Finance. The same form key again (a double
     * click) answers the first request and reserves nothing more. Bad input gets a message and changes nothing.
     */
    @Transactional
    public RefundSummary request(RefundAsk ask) {
        AccountContext account = access.current();
        if (!account.role().mayMoveMoney()) {
            throw access.denied(AccountAccess.Action.MOVE_MONEY, account.accountId(),
                    InvalidRequestException.keyed(null, "errors.refund.role"));
        }
        String key = RefundInput.key(ask.requestKey());
        // The account row, then the balance row, in the order renewals take them: renewals, other requests and
        // operator refunds of this account wait here, and never in a cycle (the request's row points at the account).
        access.lockForUpdate(account.accountId());
        Money balance = ledger.lockBalance(account.accountId());
        Optional<RefundRequest> earlier = store.findByKey(key);
        if (earlier.isPresent()) {
            if (!earlier.get().accountId().equals(account.accountId())) {
                throw InvalidRequestException.keyed(null, "errors.refund.form-stale");
            }
            return summary(earlier.get());
        }
        Instant now = clock.instant();
        RefundAllocation allocation = new RefundAllocation(balance, topUps.of(account.accountId(), now));
        Money amount = RefundInput.amount(ask.amount(), account.currency(), allocation.refundable());
        List<RefundAllocation.Share> shares = allocation.allocate(amount);
        RefundRequest.PayoutAccount payout = shares.stream().anyMatch(s -> s.topUp().route() == RefundRoute.PAYOUT)
                ? RefundInput.payout(ask.payoutHolder(), ask.payoutIban(), ask.payoutBic()) : null;
        boolean atOnce = properties.approval() == RefundRequestProperties.Approval.IMMEDIATE;
        RefundRequest request = reservations.reserve(account.accountId(), amount, shares, RefundOrigin.CUSTOMER,
                atOnce, key, account.userId(), null, payout);
        RefundSummary summary = summary(request);
        audit.record(AuditEvent.of("refund.requested", "Asked for a refund of %s: %s".formatted(amount.format(),
                        summary.destinationsText()))
                .account(account.accountId()).subject(request.id())
                .change("Balance " + balance.format(), "Balance " + balance.minus(amount).format()
                        + (atOnce ? " (sent at once)" : " (awaiting Finance's approval)")));
        log.info("Refund {} requested: account={} amount={} parts={} atOnce={}", request.id().value(),
                account.accountId().value(), amount, shares.size(), atOnce);
        return summary;
    }

    /** The current account's requests, newest first. */
    @Transactional(readOnly = true)
    public List<RefundSummary> requests(int offset, int limit) {
        AccountContext account = access.current();
        if (offset < 0 || limit < 0) {
            throw InvalidRequestException.keyed("page", "errors.page.none");
        }
        return store.requestsOf(account.accountId(), offset, Math.min(limit, PAGE_MAX)).stream()
                .map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public int count() {
        return store.countOf(access.current().accountId());
    }

    /** The refunds of one payment of the current user's, for its detail in the payment history. */
    @Transactional(readOnly = true)
    public List<RefundSummary.Part> ofPayment(PaymentId paymentId) {
        access.requireOwner(topUps.accountOf(paymentId).orElse(null), paymentId, AccountAccess.Action.VIEW,
                InvalidRequestException.keyed(null, "errors.payment.not-found"));
        return store.partsOfPayment(paymentId).stream().map(p -> new RefundSummary.Part(p.id(), p.paymentId(),
                p.destination(), p.amount(), p.route(), p.status(), p.failureReason(), p.payoutReference())).toList();
    }

    /** The refund receipt (credit note) of a request some of which went back; any member may download it. */
    @Transactional(readOnly = true)
    public PaymentDocument receipt(RefundRequestId id) {
        RefundRequest request = store.find(id).orElse(null);
        access.requireOwner(request == null ? null : request.accountId(), id, AccountAccess.Action.VIEW,
                InvalidRequestException.keyed(null, "errors.refund.not-found"));
        return documents.creditNote(request, store.parts(id));
    }

    /** The same refund receipt, built for the mail that the part's success queued (DD-078). */
    @InternalCall("the mail outbox attaches the refund receipt to the payer's invoice address after the part's "
            + "success committed, without a signed-in user")
    @Transactional(readOnly = true)
    public PaymentDocument receiptForMail(RefundPartId partId) {
        RefundPart part = store.part(partId).orElseThrow();
        RefundRequest request = store.find(part.requestId()).orElseThrow();
        return documents.creditNote(request, store.parts(request.id()));
    }

    private RefundSummary summary(RefundRequest request) {
        return RefundSummary.of(request, store.parts(request.id()));
    }
}
