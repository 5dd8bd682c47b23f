package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.AccountNumber;
import dev.billfold.account.PayerId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money side of bank transfers (DD-064, DD-065): the reads statement matching needs, the batch that applies what
 * a statement received, and the conditional credit of a payment order. Everything credits through the payment's one
 * ledger key ({@code payment:<id>}, kind TOP_UP), so a payment is credited at most once whichever path comes first.
 */
@Service
public class BankTransfers {

    private static final Logger log = LoggerFactory.getLogger(BankTransfers.class);

    /** The most receipts one call takes: its transaction holds their payments' locks until it ends. */
    public static final int MAX_BATCH = 5000;
    /** {@code bank_receipt.cause} */
    public static final int CAUSE_MAX = 200;
    /** {@code payment.status_reason}: a hold's reason */
    public static final int REASON_MAX = 500;

    private final StaffAccess staff;
    private final BankStore store;
    private final PaymentStateStore payments;
    private final Ledger ledger;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final BankProperties properties;
    private final StaffActions actions;

    BankTransfers(StaffAccess staff, BankStore store, PaymentStateStore payments, Ledger ledger, Clock clock,
                  ApplicationEventPublisher events, BankProperties properties, StaffActions actions) {
        this.staff = staff;
        this.store = store;
        this.payments = payments;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
        this.properties = properties;
        this.actions = actions;
    }

    /** The invoices with these numbers (unknown ones are absent), by number. Any number of them, read in chunks. */
    @Transactional(readOnly = true)
    public Map<String, BankInvoice> findInvoices(Collection<String> invoiceNumbers) {
        staff.require(StaffAccess.Action.READ, null);
        return store.invoices(new HashSet<>(invoiceNumbers));
    }

    /**
     * The accounts with these account numbers, by number. A number whose check digits do not fit (DD-059) or that no
     * account has is absent.
     */
    @Transactional(readOnly = true)
    public Map<String, BankAccount> findAccounts(Collection<String> accountNumbers) {
        staff.require(StaffAccess.Action.READ, null);
        Set<String> valid = new HashSet<>();
        accountNumbers.stream().filter(AccountNumber::isValid).forEach(valid::add);
        return store.accountsByNumber(valid);
    }

    /**
     * Applies the receipts in one transaction, with batched statements, and returns one outcome per receipt in the
     * given order. Idempotent by cause. Batches of about 1,000 are the sweet spot; at most {@link #MAX_BATCH}.
     */
    @Transactional
    public List<ReceiptOutcome> receive(List<BankReceipt> receipts) {
        // The first receipt's payment or account names the refusal in the log, as for every id-taking staff call.
        staff.require(StaffAccess.Action.MOVE_MONEY,
                receipts.isEmpty() ? null : receipts.getFirst().decision().subject());
        check(receipts);
        return new Batch(receipts, clock.instant()).apply();
    }

    private static void check(List<BankReceipt> receipts) {
        if (receipts.size() > MAX_BATCH) {
            throw new InvalidRequestException("At most %d receipts per call, not %d.".formatted(MAX_BATCH,
                    receipts.size()));
        }
        for (BankReceipt receipt : receipts) {
            if (receipt.cause().isBlank() || receipt.cause().length() > CAUSE_MAX) {
                throw new InvalidRequestException("A receipt's cause is required, at most %d characters: %s"
                        .formatted(CAUSE_MAX, receipt.cause()));
            }
            if (!receipt.amount().isPositive()) {
                throw new InvalidRequestException("A receipt's amount must be positive: " + receipt.cause());
            }
            if (receipt.bankReference().isBlank()) {
                throw new InvalidRequestException("A receipt needs the bank's reference: " + receipt.cause());
            }
            String reason = switch (receipt.decision()) {
                case BankReceipt.HoldInvoice hold -> hold.reason();
                case BankReceipt.HoldAccount hold -> hold.reason();
                case BankReceipt.CreditAccount credit when credit.reason() != null -> credit.reason();
                default -> "-";
            };
            if (reason.isBlank() || reason.length() > REASON_MAX) {
                throw new InvalidRequestException(
                        "A hold or a staff credit needs a reason of at most %d characters: %s"
                                .formatted(REASON_MAX, receipt.cause()));
            }
        }
    }

    /** One call of {@link #receive}: everything it read and everything it will write, flushed in batches. */
    private final class Batch {

        private final List<BankReceipt> receipts;
        private final Instant now;
        private final Map<PaymentId, Payment> locked = new HashMap<>();
        private final Map<AccountId, BankAccount> accounts = new HashMap<>();
        private final Map<PaymentId, Payment> changed = new HashMap<>();
        private final List<Payment> created = new ArrayList<>();
        private final List<Ledger.Posting> postings = new ArrayList<>();
        private final List<BankStore.Link> links = new ArrayList<>();
        private final List<UUID> released = new ArrayList<>();
        private final Map<PaymentId, String> invoiceNumbers = new HashMap<>();

        Batch(List<BankReceipt> receipts, Instant now) {
            this.receipts = receipts;
            this.now = now;
        }

        List<ReceiptOutcome> apply() {
            // 1. Claim the causes: new rows in cause order; a cause stored before (or being stored by another batch,
            // which PostgreSQL makes this one wait for) stays the other's.
            Map<String, UUID> ids = new HashMap<>();
            List<BankStore.ReceiptRow> rows = new ArrayList<>();
            for (BankReceipt receipt : receipts) {
                if (ids.putIfAbsent(receipt.cause(), UUID.randomUUID()) == null) {
                    rows.add(row(receipt, ids.get(receipt.cause())));
                }
            }
            rows.sort(Comparator.comparing(BankStore.ReceiptRow::cause));
            store.claim(rows);
            Map<String, BankStore.StoredReceipt> stored = store.receipts(ids.keySet());

            // 2. Lock the invoice payments of the claimed receipts in id order; read the accounts named.
            Set<PaymentId> paymentIds = new HashSet<>();
            Set<AccountId> accountIds = new HashSet<>();
            for (BankReceipt receipt : receipts) {
                if (claimed(receipt, ids, stored)) {
                    switch (receipt.decision()) {
                        case BankReceipt.CreditInvoice credit -> paymentIds.add(credit.paymentId());
                        case BankReceipt.HoldInvoice hold -> paymentIds.add(hold.paymentId());
                        case BankReceipt.CreditAccount credit -> accountIds.add(credit.accountId());
                        case BankReceipt.HoldAccount hold -> accountIds.add(hold.accountId());
                    }
                }
            }
            locked.putAll(payments.lockAll(paymentIds));
            locked.values().forEach(payment -> accountIds.add(payment.accountId()));
            accounts.putAll(store.accountsById(accountIds));

            // 3. Decide each, in the given order, against the state this batch has made so far.
            List<ReceiptOutcome> outcomes = new ArrayList<>(receipts.size());
            Set<String> seen = new HashSet<>();
            for (BankReceipt receipt : receipts) {
                BankStore.StoredReceipt first = stored.get(receipt.cause());
                if (!seen.add(receipt.cause()) || !claimed(receipt, ids, stored)) {
                    outcomes.add(new ReceiptOutcome(receipt.cause(), ReceiptOutcome.Result.DUPLICATE,
                            first == null ? null : first.paymentId(), null, null, false, null));
                    continue;
                }
                ReceiptOutcome outcome = decide(receipt);
                if (outcome.result() == ReceiptOutcome.Result.REFUSED) {
                    released.add(ids.get(receipt.cause()));
                } else {
                    links.add(new BankStore.Link(ids.get(receipt.cause()), outcome.paymentId(),
                            outcome.result().name()));
                }
                outcomes.add(outcome);
            }

            // 4. Write it all: payments, ledger entries (one balance update per account), receipt links.
            payments.insertAll(created);
            payments.updateAll(List.copyOf(changed.values()));
            ledger.postAll(postings);
            store.link(links);
            store.release(released);
            List<PaymentSettled> settled = new ArrayList<>(created.size() + changed.size());
            created.forEach(payment -> settled.add(settledEvent(payment)));
            changed.values().forEach(payment -> settled.add(settledEvent(payment)));
            if (!settled.isEmpty()) {
                events.publishEvent(new PaymentsSettled(settled));
            }
            return outcomes;
        }

        private boolean claimed(BankReceipt receipt, Map<String, UUID> ids,
                Map<String, BankStore.StoredReceipt> stored) {
            BankStore.StoredReceipt first = stored.get(receipt.cause());
            return first != null && first.id().equals(ids.get(receipt.cause()));
        }

        private ReceiptOutcome decide(BankReceipt receipt) {
            return switch (receipt.decision()) {
                case BankReceipt.CreditInvoice credit -> toInvoice(receipt, credit.paymentId(), null,
                        credit.thirdParty() == null ? null : "Paid by a third party: " + credit.thirdParty() + ".");
                case BankReceipt.HoldInvoice hold -> toInvoice(receipt, hold.paymentId(), hold.reason(), null);
                case BankReceipt.CreditAccount credit -> toAccount(receipt, credit.accountId(), credit.payerId(), null,
                        credit.reason() != null ? credit.reason()
                                : credit.thirdParty() == null ? null : "Paid by a third party: " + credit.thirdParty()
                                + ".");
                case BankReceipt.HoldAccount hold -> toAccount(receipt, hold.accountId(), hold.payerId(),
                        hold.reason(), null);
            };
        }

        /** An invoice's payment: credited or held if it still waits, else the money is held on a new payment. */
        private ReceiptOutcome toInvoice(BankReceipt receipt, PaymentId paymentId, @Nullable String holdReason,
                                         @Nullable String creditReason) {
            Payment payment = current(paymentId);
            if (payment == null || payment.methodKind() != MethodKind.INVOICE) {
                return refused(receipt, "No bank-transfer payment " + paymentId.value() + ".");
            }
            boolean sameAmount = payment.amount().equals(receipt.amount());
            if (holdReason == null && !sameAmount) {
                holdReason = differs(receipt.amount(), payment.amount());
            }
            if (payment.status() == PaymentStatus.WAITING_FOR_PAYMENT) {
                Payment next = payment.providerReference() == null
                        ? payment.withProviderReference(truncate(receipt.bankReference(), 200), now) : payment;
                if (holdReason != null) {
                    return held(receipt, change(next.holdForClarification(holdReason, now)));
                }
                Payment credited = change(next.creditReceived(receipt.amount(), creditReason, now));
                postings.add(new Ledger.Posting(credited.accountId(), receipt.amount(), LedgerEntryKind.TOP_UP,
                        credited.ledgerReference()));
                return outcome(receipt, ReceiptOutcome.Result.CREDITED, credited, true);
            }
            if (payment.status() == PaymentStatus.CONDITIONALLY_CREDITED && holdReason == null) {
                // The payment order's money has arrived: credited for good, with the entry written back then.
                Payment credited = change(payment.confirmConditionalCredit(creditReason, now));
                return outcome(receipt, ReceiptOutcome.Result.CREDITED, credited, false);
            }
            // Not waiting any more: crediting it would credit twice, so the money waits for staff on its own payment.
            String reason = "Invoice %s is already %s; received %s.".formatted(invoiceNumber(payment),
                    payment.status().label().toLowerCase(Locale.ROOT), receipt.amount().format());
            if (holdReason != null && !holdReason.equals(differs(receipt.amount(), payment.amount()))) {
                reason = reason + " " + holdReason;
            }
            return held(receipt, create(receipt, payment.accountId(), payment.payerId(),
                    truncate(reason, REASON_MAX), null));
        }

        private ReceiptOutcome toAccount(BankReceipt receipt, AccountId accountId, @Nullable PayerId payerId,
                                         @Nullable String holdReason, @Nullable String creditReason) {
            BankAccount account = accounts.get(accountId);
            if (account == null) {
                return refused(receipt, "No account " + accountId.value() + ".");
            }
            PayerId payer = payerId != null ? payerId : account.defaultPayer();
            if (payer == null || account.payers().stream().noneMatch(p -> p.payerId().equals(payer))) {
                return refused(receipt, "Account " + account.accountNumber() + " has no such active payer.");
            }
            if (holdReason == null && !account.currency().equals(receipt.amount().currency())) {
                holdReason = "Received in %s; the account is in %s.".formatted(
                        receipt.amount().currencyCode(), account.currency().getCurrencyCode());
            }
            Payment payment = create(receipt, accountId, payer, holdReason, creditReason);
            if (payment.status() == PaymentStatus.CREDITED) {
                postings.add(new Ledger.Posting(accountId, receipt.amount(), LedgerEntryKind.TOP_UP,
                        payment.ledgerReference()));
                return outcome(receipt, ReceiptOutcome.Result.CREDITED, payment, true);
            }
            return held(receipt, payment);
        }

        /** A new bank-transfer payment for money that came without a waiting invoice: credited or held at once. */
        private Payment create(BankReceipt receipt, AccountId accountId, PayerId payerId, @Nullable String holdReason,
                               @Nullable String creditReason) {
            Payment waiting = Payment.waiting(accountId, payerId, receipt.amount(), MethodKind.INVOICE, null, null,
                    "bank:" + UUID.randomUUID(), false, now).withVersion(0L)
                    .withProviderReference(truncate(receipt.bankReference(), 200), now);
            Payment next = holdReason != null ? waiting.holdForClarification(holdReason, now)
                    : waiting.creditReceived(receipt.amount(), creditReason, now);
            created.add(next);
            return next;
        }

        private @Nullable Payment current(PaymentId paymentId) {
            Payment payment = changed.get(paymentId);
            return payment != null ? payment : locked.get(paymentId);
        }

        private Payment change(Payment next) {
            changed.put(next.id(), next);
            return next;
        }

        private String invoiceNumber(Payment payment) {
            return invoiceNumbers.computeIfAbsent(payment.id(), id -> store.invoiceNumber(id).orElse("?"));
        }

        private ReceiptOutcome held(BankReceipt receipt, Payment payment) {
            return outcome(receipt, ReceiptOutcome.Result.HELD, payment, false);
        }

        private ReceiptOutcome outcome(BankReceipt receipt, ReceiptOutcome.Result result, Payment payment,
                                       boolean balanceMoved) {
            return new ReceiptOutcome(receipt.cause(), result, payment.id(), payment.accountId(), payment.status(),
                    balanceMoved, payment.statusReason());
        }

        private ReceiptOutcome refused(BankReceipt receipt, String reason) {
            log.warn("Bank receipt {} not applied: {}", receipt.cause(), reason);
            return new ReceiptOutcome(receipt.cause(), ReceiptOutcome.Result.REFUSED, null, null, null, false,
                    reason);
        }

        private BankStore.ReceiptRow row(BankReceipt receipt, UUID id) {
            return new BankStore.ReceiptRow(id, receipt.cause(), receipt.amount(), receipt.bookingDate(),
                    truncate(receipt.debtorName(), 200), truncate(receipt.debtorTaxId(), 50),
                    truncate(receipt.remittance(), 500), truncate(receipt.bankReference(), 200), now);
        }
    }

    private static String differs(Money received, Money asked) {
        return received.currency().equals(asked.currency())
                ? "Received %s of %s %s.".formatted(received.value().toPlainString(), asked.value().toPlainString(),
                asked.currencyCode())
                : "Received %s %s; the invoice is for %s %s.".formatted(received.value().toPlainString(),
                received.currencyCode(), asked.value().toPlainString(), asked.currencyCode());
    }

    private static @Nullable String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * Credits a WAITING_FOR_PAYMENT invoice payment on proof of payment: the ledger credit under the payment's key and
     * CONDITIONALLY_CREDITED. A later receipt for it makes it CREDITED with no second entry. It writes no audit entry:
     * its caller, the payment order's review (document.PaymentOrderReview), records the one entry for the decision,
     * naming the order that caused it, in this same transaction.
     */
    @Transactional
    public BankPayment conditionallyCredit(PaymentId paymentId, String note) {
        StaffMember member = staff.require(StaffAccess.Action.MOVE_MONEY, paymentId);
        StaffActions.requireNote(note);
        Payment payment = payments.lock(paymentId)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.payment.not-found"));
        if (payment.methodKind() != MethodKind.INVOICE) {
            throw InvalidRequestException.keyed(null, "errors.held.only-bank-transfer");
        }
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            throw new InvalidRequestException("This payment is already %s; it was not conditionally credited."
                    .formatted(payment.status().label().toLowerCase(Locale.ROOT)));
        }
        Instant now = clock.instant();
        Payment credited = payments.update(payment.creditConditionally(
                "Credited on the payment order; waiting for the bank to show the transfer.", now));
        ledger.post(credited.accountId(), credited.amount(), LedgerEntryKind.TOP_UP, credited.ledgerReference());
        actions.record(member, credited, BankStore.Action.CONDITIONAL_CREDIT, note, null, null, null, now);
        published(credited);
        return BankPayment.of(credited);
    }

    /**
     * Reverses a conditional credit whose money never arrived, once {@link #reversibleFrom} has passed: a REVERSAL
     * ledger debit under the payment's key (the balance may go below zero) and CONDITIONALLY_CREDITED → DELETED. As
     * for the credit, the payment order's review records the audit entry, so one reversal is one entry.
     */
    @Transactional
    public BankPayment reverseConditionalCredit(PaymentId paymentId, String note) {
        StaffMember member = staff.require(StaffAccess.Action.MOVE_MONEY, paymentId);
        StaffActions.requireNote(note);
        Payment payment = payments.lock(paymentId)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.payment.not-found"));
        if (payment.status() != PaymentStatus.CONDITIONALLY_CREDITED) {
            throw new InvalidRequestException("This payment is %s, not conditionally credited; nothing was reversed."
                    .formatted(payment.status().label().toLowerCase(Locale.ROOT)));
        }
        Instant from = reversibleFrom(payment);
        Instant now = clock.instant();
        if (now.isBefore(from)) {
            throw InvalidRequestException.keyed(null, "errors.held.reversible-from", String.valueOf(from),
                    properties.conditionalCreditDays());
        }
        Money credited = payment.credited() == null ? payment.amount() : payment.credited();
        Payment reversed = payments.update(payment.reverseConditionalCredit(
                "The transfer did not arrive in time, so the conditional credit was reversed.", now));
        ledger.post(reversed.accountId(), credited.negate(), LedgerEntryKind.REVERSAL, reversed.ledgerReference());
        actions.record(member, reversed, BankStore.Action.REVERSAL, note, null, null, null, now);
        published(reversed);
        return BankPayment.of(reversed);
    }

    /** When a conditionally credited payment may be reversed (credited at + billfold.bank.conditional-credit-days). */
    @Transactional(readOnly = true)
    public Instant reversibleFrom(PaymentId paymentId) {
        staff.require(StaffAccess.Action.READ, paymentId);
        Payment payment = payments.find(paymentId)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.payment.not-found"));
        if (payment.status() != PaymentStatus.CONDITIONALLY_CREDITED) {
            throw InvalidRequestException.keyed(null, "errors.held.not-conditional");
        }
        return reversibleFrom(payment);
    }

    private Instant reversibleFrom(Payment payment) {
        Instant credited = ledger.postedAt(LedgerEntryKind.TOP_UP, payment.ledgerReference())
                .orElse(payment.updatedAt());
        return credited.plus(Duration.ofDays(properties.conditionalCreditDays()));
    }

    private void published(Payment payment) {
        events.publishEvent(settledEvent(payment));
    }

    private static PaymentSettled settledEvent(Payment payment) {
        return new PaymentSettled(payment.id(), payment.accountId(), payment.idempotencyKey(), payment.status(),
                payment.statusReason());
    }
}
