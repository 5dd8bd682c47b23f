package dev.billfold.adjustment;

import dev.billfold.account.AccountId;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.Texts;
import dev.billfold.base.NotFoundException;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Balance adjustments (DD-067). Requesting, approving and declining move money, so they are Finance's
 * ({@link StaffAccess.Action#MOVE_MONEY}); reading the queue is for every staff member who reads accounts. Bad input
 * gets a message and changes nothing. An adjustment is posted as exactly one ledger entry of kind ADJUSTMENT, cause
 * {@code adjustment:<id>}, in the transaction that marks it posted.
 */
@Service
public class AdjustmentService {

    /** The longest note ({@code balance_adjustment.note} and {@code decision_note}). */
    public static final int NOTE_MAX = 500;
    /** The longest amount text looked at: a million digits would take a core for seconds (DD-052). */
    public static final int AMOUNT_MAX_LENGTH = 30;
    /** The most queue rows one call returns. */
    public static final int PAGE_MAX = 500;

    private static final Logger log = LoggerFactory.getLogger(AdjustmentService.class);
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("\\d+([.,]\\d+)?");

    private final StaffAccess staff;
    private final AdjustmentStore store;
    private final Ledger ledger;
    private final AdjustmentProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    AdjustmentService(StaffAccess staff, AdjustmentStore store, Ledger ledger, AdjustmentProperties properties,
                      AuditTrail audit, Clock clock) {
        this.staff = staff;
        this.store = store;
        this.ledger = ledger;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** The account as the form shows it, with the approval limit and the largest amount in its currency. */
    @Transactional(readOnly = true)
    public AdjustmentForm form(AccountId accountId) {
        staff.require(StaffAccess.Action.MOVE_MONEY, accountId);
        AdjustmentStore.AccountHead account = account(accountId);
        Currency currency = account.balance().currency();
        return new AdjustmentForm(accountId, account.number(), account.name(), account.balance(),
                approvalAbove(currency), max(currency));
    }

    /**
     * Posts the adjustment at once when its amount is at or below the approval limit; otherwise it waits for a second
     * Finance member. A debit never takes the balance below zero (DD-067).
     */
    @Transactional
    public AdjustmentRow request(AdjustmentRequest request) {
        StaffMember me = staff.require(StaffAccess.Action.MOVE_MONEY, request.accountId());
        AdjustmentStore.AccountHead account = account(request.accountId());
        Currency currency = account.balance().currency();
        if (request.direction() == null || request.category() == null) {
            throw request.direction() == null
                    ? InvalidRequestException.keyed("direction", "errors.adjustment.direction")
                    : InvalidRequestException.keyed("category", "errors.adjustment.reason");
        }
        Money typed = parse(request.amount(), currency);
        String note = note(request.note(), "note");
        Money amount = request.direction() == AdjustmentDirection.CREDIT ? typed : typed.negate();
        Instant now = clock.instant();
        // Checked at the request too, so that a debit that cannot post is refused before anyone approves it.
        requireCovered(request.accountId(), amount);
        boolean waits = typed.isGreaterThan(approvalAbove(currency));
        BalanceAdjustment adjustment = waits
                ? BalanceAdjustment.awaitingApproval(request.accountId(), amount, request.category(), note,
                        me.userId(), now)
                : BalanceAdjustment.postedAtOnce(request.accountId(), amount, request.category(), note, me.userId(),
                        now);
        store.insert(adjustment);
        audit.record(staffEvent("adjustment.requested", "Requested " + describe(adjustment), adjustment)
                .change(null, waits ? "Awaiting approval (above " + approvalAbove(currency).format() + ")"
                        : "Posted at once")
                .note(note));
        if (!waits) {
            post(adjustment);
        }
        log.info("Adjustment {} requested: staff={} account={} amount={} status={}", adjustment.id().value(),
                me.userId().value(), request.accountId().value(), amount, adjustment.status());
        return row(adjustment.id(), me);
    }

    /**
     * {@link #request}, for a caller that states the currency of the amount (the API): an amount in another currency
     * than the account's is refused, never converted.
     */
    @Transactional
    public AdjustmentRow requestInCurrency(AdjustmentRequest request, String currency) {
        staff.require(StaffAccess.Action.MOVE_MONEY, request.accountId());
        Currency accountCurrency = account(request.accountId()).balance().currency();
        if (!accountCurrency.getCurrencyCode().equals(currency)) {
            // The API's alone (problem+json), so English.
            throw new InvalidRequestException("amount.currency", "The account keeps its balance in %s; an adjustment "
                    .formatted(accountCurrency.getCurrencyCode()) + "is in that currency.");
        }
        return request(request);
    }

    /** One adjustment, for whoever may read the queue: its status tells whether it posted or waits. */
    @Transactional(readOnly = true)
    public AdjustmentRow adjustment(AdjustmentId id) {
        StaffMember me = staff.require(StaffAccess.Action.READ, id);
        return store.row(id, me.userId()).orElseThrow(() -> new NotFoundException("There is no such adjustment."));
    }

    /** A second Finance member's approval: the adjustment posts. The requester may not approve their own. */
    @Transactional
    public AdjustmentRow approve(AdjustmentId id, String decisionNote) {
        StaffMember me = staff.require(StaffAccess.Action.DECIDE_MONEY, id);
        BalanceAdjustment waiting = waiting(id, me, "approve");
        BalanceAdjustment approved = waiting.approved(me.userId(), clock.instant(), note(decisionNote, "decision"));
        decide(approved, me);
        // Under the adjustment's row lock (taken by the decision), with the balance row locked for the check.
        requireCovered(approved.accountId(), approved.amount());
        audit.record(staffEvent("adjustment.approved", "Approved " + describe(approved), approved)
                .change("Awaiting approval", "Approved").note(approved.decisionNote()));
        post(approved);
        log.info("Adjustment {} approved and posted: staff={}", id.value(), me.userId().value());
        return row(id, me);
    }

    /** A second Finance member's refusal: nothing is posted. The requester may not decline their own either. */
    @Transactional
    public AdjustmentRow decline(AdjustmentId id, String decisionNote) {
        StaffMember me = staff.require(StaffAccess.Action.DECIDE_MONEY, id);
        BalanceAdjustment waiting = waiting(id, me, "decline");
        BalanceAdjustment declined = waiting.declined(me.userId(), clock.instant(), note(decisionNote, "decision"));
        decide(declined, me);
        audit.record(staffEvent("adjustment.declined", "Declined " + describe(declined), declined)
                .change("Awaiting approval", "Declined: nothing posted").note(declined.decisionNote()));
        log.info("Adjustment {} declined: staff={}", id.value(), me.userId().value());
        return row(id, me);
    }

    /** The approval queue, oldest first; at most {@link #PAGE_MAX} rows a call (a grid asks again for more). */
    @Transactional(readOnly = true)
    public List<AdjustmentRow> waiting(int offset, int limit) {
        StaffMember me = staff.require(StaffAccess.Action.READ, null);
        if (offset < 0 || limit < 0) {
            throw InvalidRequestException.keyed("page", "errors.page.none");
        }
        return store.waiting(me.userId(), offset, Math.min(limit, PAGE_MAX));
    }

    /** How many adjustments wait for approval: the menu's count. */
    @Transactional(readOnly = true)
    public int waitingCount() {
        staff.require(StaffAccess.Action.READ, null);
        return store.waitingCount();
    }

    private BalanceAdjustment waiting(AdjustmentId id, StaffMember me, String verb) {
        BalanceAdjustment adjustment = store.find(id)
                .orElseThrow(() -> new NotFoundException("There is no such adjustment."));
        if (adjustment.status() != AdjustmentStatus.AWAITING_APPROVAL) {
            throw alreadyDecided(id, me);
        }
        if (adjustment.requestedBy().equals(me.userId())) {
            log.warn("Four eyes: staff={} may not {} their own adjustment id={}", me.userId().value(), verb,
                    id.value());
            throw InvalidRequestException.keyed(null, "approve".equals(verb) ? "errors.adjustment.own-approve"
                    : "errors.adjustment.own-decline");
        }
        return adjustment;
    }

    private void decide(BalanceAdjustment decided, StaffMember me) {
        if (store.decide(decided) != 1) {
            throw alreadyDecided(decided.id(), me);
        }
    }

    /** What the other approver did, for the one who came second (read after their commit). */
    private InvalidRequestException alreadyDecided(AdjustmentId id, StaffMember me) {
        AdjustmentRow row = row(id, me);
        if (row.decidedBy() == null) {
            return InvalidRequestException.keyed(null, "errors.adjustment.posted-at-once");
        }
        return InvalidRequestException.keyed(null, row.status() == AdjustmentStatus.DECLINED
                ? "errors.adjustment.already-declined" : "errors.adjustment.already-posted", row.decidedBy());
    }

    /**
     * The one ledger entry, and its audit entry: the customer reads the amount, the reason and the balance before and
     * after on their Activity page; the staff note stays with staff.
     */
    private void post(BalanceAdjustment adjustment) {
        Money before = ledger.lockBalance(adjustment.accountId());
        ledger.post(adjustment.accountId(), adjustment.amount(), LedgerEntryKind.ADJUSTMENT,
                adjustment.id().ledgerReference());
        audit.record(AuditEvent.of("adjustment.posted", "Balance %s %s: %s".formatted(
                        adjustment.isCredit() ? "credited" : "debited", adjustment.magnitude().format(),
                        adjustment.category().reason()))
                .account(adjustment.accountId()).subject(adjustment.id())
                .change("Balance " + before.format(), "Balance " + before.plus(adjustment.amount()).format())
                .note(adjustment.note()));
    }

    private static AuditEvent staffEvent(String action, String text, BalanceAdjustment adjustment) {
        return AuditEvent.of(action, text).account(adjustment.accountId()).subject(adjustment.id()).staffOnly();
    }

    /** "a credit of $25.00 (Goodwill)", for staff. */
    private static String describe(BalanceAdjustment adjustment) {
        return "a %s of %s (%s)".formatted(adjustment.isCredit() ? "credit" : "debit", adjustment.magnitude().format(),
                adjustment.category().label());
    }

    /** A debit may not take the balance below zero; checked with the balance row locked. */
    private void requireCovered(AccountId accountId, Money amount) {
        if (!amount.isNegative()) {
            return;
        }
        Money balance = ledger.lockBalance(accountId);
        if (balance.plus(amount).isNegative()) {
            throw InvalidRequestException.keyed("amount", "errors.adjustment.below-zero", balance);
        }
    }

    private AdjustmentStore.AccountHead account(AccountId accountId) {
        return store.account(accountId)
                .orElseThrow(() -> new NotFoundException("There is no account with that id."));
    }

    private AdjustmentRow row(AdjustmentId id, StaffMember me) {
        return store.row(id, me.userId()).orElseThrow();
    }

    private Money approvalAbove(Currency currency) {
        return Money.of(bound(properties.approvalAbove().get(currency.getCurrencyCode()), currency), currency);
    }

    private Money max(Currency currency) {
        return Money.of(bound(properties.max().get(currency.getCurrencyCode()), currency), currency);
    }

    private static BigDecimal bound(@Nullable BigDecimal configured, Currency currency) {
        if (configured == null) {
            // Before, the "%s" of this message reached the reader as it was: the format applied to its second half.
            throw InvalidRequestException.keyed("amount", "errors.adjustment.not-configured",
                    currency.getCurrencyCode());
        }
        return configured;
    }

    private static String note(@Nullable String text, String field) {
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            throw InvalidRequestException.keyed(field, "errors.note.empty");
        }
        if (note.length() > NOTE_MAX) {
            throw InvalidRequestException.keyed(field, "errors.note.too-long", NOTE_MAX);
        }
        return note;
    }

    /** The typed amount, positive, in the currency's minor units and within the largest adjustment. */
    private Money parse(@Nullable String typed, Currency currency) {
        Money most = max(currency);
        Texts.Message range = new Texts.Message("errors.amount.up-to", most);
        String text = typed == null ? "" : typed;
        if (text.length() > AMOUNT_MAX_LENGTH) {
            throw InvalidRequestException.keyed("amount", "errors.amount.too-long", AMOUNT_MAX_LENGTH, range);
        }
        text = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (text.isEmpty()) {
            throw InvalidRequestException.keyed("amount", "errors.amount.empty", range);
        }
        if (text.startsWith("-")) {
            throw InvalidRequestException.keyed("amount", "errors.adjustment.signed");
        }
        String normalised;
        if (GROUPED.matcher(text).matches()) {
            normalised = text.replace(",", "");
        } else if (PLAIN.matcher(text).matches()) {
            normalised = text.replace(',', '.');
        } else {
            throw InvalidRequestException.keyed("amount", "errors.amount.not-a-number", "25.00");
        }
        BigDecimal value = new BigDecimal(normalised);
        int digits = Money.minorDigits(currency);
        if (value.stripTrailingZeros().scale() > digits) {
            throw digits == 0
                    ? InvalidRequestException.keyed("amount", "errors.amount.whole", currency.getCurrencyCode())
                    : InvalidRequestException.keyed("amount", "errors.amount.decimals", currency.getCurrencyCode(),
                    digits);
        }
        Money amount = Money.of(value, currency);
        if (!amount.isPositive()) {
            throw InvalidRequestException.keyed("amount", "errors.amount.not-positive", range);
        }
        if (amount.isGreaterThan(most)) {
            throw InvalidRequestException.keyed("amount", "errors.adjustment.above-most", most, range);
        }
        return amount;
    }
}
