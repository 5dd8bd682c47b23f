package dev.billfold.payment;

import dev.billfold.account.AccountNumber;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff queue of payments WAITING_FOR_CLARIFICATION and their resolution by Finance (DD-065). A resolution locks
 * the payment and checks it is still held, so of two staff members resolving at once one wins and the other is told
 * what happened; a receipt imported meanwhile finds it no longer waiting and never credits it again.
 */
@Service
public class HeldPayments {

    /** {@code payment_staff_action.note} */
    public static final int NOTE_MAX = 1000;
    /** {@code payment_staff_action.customer_reason}: the short, plain reason the customer sees */
    public static final int CUSTOMER_REASON_MAX = 200;
    /** {@code payment_staff_action.bank_reference} */
    public static final int BANK_REFERENCE_MAX = 200;
    /** The longest page of the queue one call returns. */
    public static final int PAGE_MAX = 200;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final StaffAccess staff;
    private final BankStore store;
    private final PaymentStateStore payments;
    private final Ledger ledger;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final StaffActions actions;
    private final AuditTrail audit;

    private final PaymentRefunds refunds;

    HeldPayments(StaffAccess staff, BankStore store, PaymentStateStore payments, Ledger ledger, Clock clock,
                 ApplicationEventPublisher events, StaffActions actions, AuditTrail audit, PaymentRefunds refunds) {
        this.refunds = refunds;
        this.staff = staff;
        this.store = store;
        this.payments = payments;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
        this.actions = actions;
        this.audit = audit;
    }

    /** How many payments are held: the queue's count in the back-office menu. */
    @Transactional(readOnly = true)
    public int waiting() {
        staff.require(StaffAccess.Action.READ, null);
        return store.heldCount();
    }

    /** Held payments, oldest first. */
    @Transactional(readOnly = true)
    public List<HeldPayment> queue(int offset, int limit) {
        staff.require(StaffAccess.Action.READ, null);
        if (offset < 0 || limit < 1 || limit > PAGE_MAX) {
            throw new InvalidRequestException("A page starts at 0 or later and holds 1 to %d payments."
                    .formatted(PAGE_MAX));
        }
        return store.held(offset, limit);
    }

    /** One held payment; an InvalidRequestException naming what happened if it is no longer held. */
    @Transactional(readOnly = true)
    public HeldPayment held(PaymentId paymentId) {
        staff.require(StaffAccess.Action.READ, paymentId);
        return store.held(paymentId).orElseThrow(() -> notHeld(payments.find(paymentId)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.payment.not-found"))));
    }

    /**
     * Resolves a held payment. {@code note} (required, at most {@link #NOTE_MAX}) is for staff and the audit trail;
     * {@code customerReason} (required, at most {@link #CUSTOMER_REASON_MAX}) becomes the payment's reason on the
     * customer's page. A payment no longer held: an InvalidRequestException saying who resolved it, when and how.
     */
    @Transactional
    public BankPayment resolve(PaymentId paymentId, Resolution resolution, String note, String customerReason) {
        StaffMember member = staff.require(StaffAccess.Action.MOVE_MONEY, paymentId);
        String staffNote = StaffActions.requireNote(note);
        String reason = StaffActions.requireCustomerReason(customerReason);
        BankAccount target = resolution instanceof Resolution.CreditOtherAccount other ? account(other) : null;
        if (resolution instanceof Resolution.ReturnedToSender returned && (returned.bankReference().isBlank()
                || returned.bankReference().strip().length() > BANK_REFERENCE_MAX)) {
            throw InvalidRequestException.keyed("bankReference", "errors.held.bank-reference", BANK_REFERENCE_MAX);
        }

        Payment payment = payments.lock(paymentId)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.payment.not-found"));
        if (payment.status() != PaymentStatus.WAITING_FOR_CLARIFICATION) {
            throw notHeld(payment);
        }
        if (ledger.postedAt(LedgerEntryKind.TOP_UP, payment.ledgerReference()).isPresent()) {
            throw new IllegalStateException("Payment " + paymentId.value() + " is held but was credited");
        }
        Money received = store.received(paymentId).orElse(payment.amount());
        Instant now = clock.instant();
        Payment next;
        BankStore.Action action;
        Payment other = null;
        String bankReference = null;
        switch (resolution) {
            case Resolution.CreditReceived ignored -> {
                requireCurrency(received, store.accountsById(Set.of(payment.accountId())).get(payment.accountId()));
                next = payments.update(payment.creditReceived(received, reason, now));
                ledger.post(next.accountId(), received, LedgerEntryKind.TOP_UP, next.ledgerReference());
                // A provider's refund or dispute learnt while it was held is debited now, after its credit (DD-070).
                next = refunds.applyDeferred(next);
                action = BankStore.Action.CREDIT_RECEIVED;
            }
            case Resolution.CreditOtherAccount ignored -> {
                if (target.accountId().equals(payment.accountId())) {
                    throw InvalidRequestException.keyed("accountNumber", "errors.held.own-account");
                }
                requireCurrency(received, target);
                if (target.defaultPayer() == null) {
                    throw InvalidRequestException.keyed("accountNumber", "errors.held.no-payer",
                            target.accountNumber());
                }
                next = payments.update(payment.reject(reason, now));
                Payment waiting = Payment.waiting(target.accountId(), target.defaultPayer(), received,
                        MethodKind.INVOICE, null, null, "bank:" + UUID.randomUUID(), false, now).withVersion(0L);
                if (payment.providerReference() != null) {
                    waiting = waiting.withProviderReference(payment.providerReference(), now);
                }
                other = waiting.creditReceived(received, reason, now);
                payments.insertAll(List.of(other));
                ledger.post(other.accountId(), received, LedgerEntryKind.TOP_UP, other.ledgerReference());
                action = BankStore.Action.CREDIT_OTHER_ACCOUNT;
            }
            case Resolution.ReturnedToSender returned -> {
                // Held money was never credited, so returning it moves no balance: no ledger entry.
                bankReference = returned.bankReference().strip();
                next = payments.update(payment.refund(reason, now));
                action = BankStore.Action.RETURNED_TO_SENDER;
            }
            case Resolution.Reject ignored -> {
                next = payments.update(payment.reject(reason, now));
                action = BankStore.Action.REJECT;
            }
        }
        payments.markOutcomeOpen(paymentId, false);
        actions.record(member, next, action, staffNote, reason, bankReference, other == null ? null : other.id(),
                now);
        audited(payment, next, received, action, staffNote, bankReference, other, target);
        published(next);
        if (other != null) {
            published(other);
        }
        return BankPayment.of(other != null ? other : next);
    }

    /**
     * The resolution's one audit entry (no caller records another). The account's members see what was decided and
     * the status before and after, never the note; another account credited is named only in the note, since its
     * number and payment are not this account's business.
     */
    private void audited(Payment before, Payment after, Money received, BankStore.Action action, String note,
                         @Nullable String bankReference, @Nullable Payment other, @Nullable BankAccount target) {
        String text = switch (action) {
            case CREDIT_RECEIVED -> "Held payment of %s credited with the %s received".formatted(
                    before.amount().format(), received.format());
            case CREDIT_OTHER_ACCOUNT -> "Held payment of %s credited to another account".formatted(
                    received.format());
            case RETURNED_TO_SENDER -> "Held payment of %s returned to the sender".formatted(received.format());
            default -> "Held payment of %s rejected".formatted(received.format());
        };
        String staffNote = other == null || target == null ? note : "%s (credited to account %s as payment %s)"
                .formatted(note, target.accountNumber(), other.id().value());
        audit.record(AuditEvent.of("payment.held." + action.name().toLowerCase(Locale.ROOT).replace('_', '-'), text)
                .account(before.accountId()).subject(before.id())
                .change(state(before), state(after) + (bankReference == null ? ""
                        : ", bank reference " + bankReference))
                .note(staffNote));
    }

    private static String state(Payment payment) {
        return payment.statusReason() == null ? payment.status().label()
                : payment.status().label() + ": " + payment.statusReason();
    }

    private BankAccount account(Resolution.CreditOtherAccount other) {
        String number = other.accountNumber().strip();
        if (!AccountNumber.isValid(number)) {
            throw InvalidRequestException.keyed("accountNumber", "errors.held.not-account-number");
        }
        BankAccount account = store.accountsByNumber(Set.of(number)).get(number);
        if (account == null) {
            throw InvalidRequestException.keyed("accountNumber", "errors.held.no-account", number);
        }
        return account;
    }

    private static void requireCurrency(Money received, BankAccount account) {
        if (!account.currency().equals(received.currency())) {
            throw InvalidRequestException.keyed(null, "errors.held.currency", received.currencyCode(),
                    account.accountNumber(), account.currency().getCurrencyCode());
        }
    }

    /** Says what happened to a payment that is not held (any more): who resolved it, how and when, if staff did. */
    private InvalidRequestException notHeld(Payment payment) {
        String now = payment.status().label().toLowerCase(Locale.ROOT);
        return store.actions(payment.id()).stream().findFirst()
                .map(done -> new InvalidRequestException("Already resolved: %s %s at %s. The payment is now %s."
                        .formatted(done.staffName(), done.action().words(), WHEN.format(done.at()), now)))
                .orElseGet(() -> new InvalidRequestException(
                        "This payment is not waiting for clarification any more: it is now %s.".formatted(now)));
    }

    private void published(Payment payment) {
        events.publishEvent(new PaymentSettled(payment.id(), payment.accountId(), payment.idempotencyKey(),
                payment.status(), payment.statusReason()));
    }
}
