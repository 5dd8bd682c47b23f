package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.InternalCall;
import dev.billfold.base.Money;
import dev.billfold.base.Texts;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path by which money of a payment goes back: refunds and disputes, as their providers report them. Each is
 * recorded under the payment's row lock, once per provider id, and its ledger entries are keyed by that id, so news
 * that arrives twice, out of order, or from the webhook and the poller at once moves the balance once (DD-070). These
 * debits may take the balance below zero (DD-069).
 */
@Service
public class PaymentRefunds {

    private static final Logger log = LoggerFactory.getLogger(PaymentRefunds.class);

    private final PaymentStateStore payments;
    private final PaymentRefundStore refunds;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentRefunds(PaymentStateStore payments, PaymentRefundStore refunds, Ledger ledger,
                   ApplicationEventPublisher events, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** Who pays for a refund's money. */
    public enum Funding {
        /** A refund made at the provider: its news debits the balance, and its failure returns the debit. */
        DEBIT,
        /**
         * A refund Billfold started: the feature that started it reserved the money with its own entry and returns it
         * itself, so recording it here moves no money, only the payment's refunded amount and status.
         */
        RESERVED
    }

    /** What recording the news did. */
    public enum Recorded {
        /** The refund's state, the balance or the payment moved. */
        APPLIED,
        /** Recorded before the payment was credited; its debit is posted when the payment credits. */
        DEFERRED,
        /** Known already in this state, or older than what we know; nothing changed. */
        UNCHANGED
    }

    /**
     * A payment as refunds see it.
     *
     * @param credited      what was credited for it (null while it is not credited)
     * @param refunded      what its providers report refunded (succeeded)
     * @param refundPending refunds the provider accepted but has not completed yet
     * @param disputed      debited for disputes that are open or lost
     */
    public record RefundablePayment(PaymentId id, AccountId accountId, PayerId payerId, Money amount,
                                    @Nullable Money credited, Money refunded, Money refundPending, Money disputed,
                                    MethodKind methodKind, @Nullable String provider,
                                    @Nullable PaymentMethodId paymentMethodId, @Nullable String providerReference,
                                    String idempotencyKey, PaymentStatus status, Instant createdAt,
                                    LockedPrice price) {

        /** What may still go back: credited, less what was refunded, is being refunded, or is disputed. */
        public Money remaining() {
            if (credited == null || !(status.isCredited())) {
                return Money.zero(amount.currency());
            }
            Money left = credited.minus(refunded).minus(refundPending).minus(disputed);
            return left.isNegative() ? Money.zero(amount.currency()) : left;
        }
    }

    /**
     * Locks the payment's row until the caller's transaction ends and returns it as refunds see it. A feature that
     * starts or settles a refund calls this before locking its own rows, the order the notification handler takes too.
     */
    @InternalCall("inside the transaction of a refund request or its provider's news; the caller checked access")
    @Transactional(propagation = Propagation.MANDATORY)
    public RefundablePayment lock(PaymentId paymentId) {
        return view(payments.lock(paymentId).orElseThrow(() ->
                new IllegalArgumentException("No payment " + paymentId.value())));
    }

    /**
     * The account's payments that hold credited money (CREDITED, CONDITIONALLY_CREDITED), newest first, as refunds see
     * them: for a refund's allocation.
     */
    @InternalCall("read for a refund's allocation; the caller checked access to the account")
    @Transactional(readOnly = true)
    public List<RefundablePayment> creditedPayments(AccountId accountId) {
        return refunds.creditedPaymentIds(accountId).stream()
                .map(id -> view(payments.find(id).orElseThrow()))
                .toList();
    }

    /**
     * What every page tells the current user while their balance is below zero: the balance, and the newest refund or
     * dispute that took it there ("Your balance is −42.00 USD after a refund of a card payment."), DD-069. In English;
     * a page shows {@link #negativeBalanceMessage()} in its reader's language.
     */
    @Transactional(readOnly = true)
    public Optional<String> negativeBalanceNotice() {
        return negativeBalanceMessage().map(message -> Texts.shipped().text("en", message.key(), message.params()));
    }

    /** {@link #negativeBalanceNotice()} as a bundle message, for a page to word in its reader's language. */
    @Transactional(readOnly = true)
    public Optional<Texts.Message> negativeBalanceMessage() {
        return ledger.currentNegativeBalance().map(negative -> {
            Texts.Message cause = negative.causeKind() == null || negative.causeReference() == null ? null
                    : causeOf(negative.causeKind(), negative.causeReference());
            return cause == null ? new Texts.Message("payment.notice.negative-balance", minus(negative.balance()))
                    : new Texts.Message("payment.notice.negative-balance-after", minus(negative.balance()), cause);
        });
    }

    /** "a refund of a card payment", from the ledger cause of the debit. */
    private Texts.@Nullable Message causeOf(LedgerEntryKind kind, String reference) {
        String[] parts = reference.split(":", 3);
        if (parts.length != 3) {
            return null;
        }
        Optional<PaymentId> paymentId = switch (kind) {
            case REFUND -> refunds.refund(parts[1], parts[2]).map(PaymentRefundStore.RefundRow::paymentId);
            case DISPUTE -> refunds.dispute(parts[1], parts[2]).map(PaymentRefundStore.DisputeRow::paymentId);
            default -> Optional.empty();
        };
        // payment.notice.cause.refund, or .dispute-card, .refund-paypal, ... when the payment is known
        String what = "payment.notice.cause." + (kind == LedgerEntryKind.DISPUTE ? "dispute" : "refund");
        return new Texts.Message(paymentId.flatMap(payments::find)
                .map(payment -> what + ("paypal".equals(payment.provider()) ? "-paypal"
                        : payment.methodKind() == MethodKind.INVOICE ? "-bank" : "-card"))
                .orElse(what));
    }

    /** "−42.00 USD": the minus sign and the code, as a statement shows a debt. */
    private static String minus(Money balance) {
        var format = NumberFormat.getNumberInstance(Locale.US);
        int digits = Money.minorDigits(balance.currency());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return (balance.isNegative() ? "−" : "") + format.format(balance.value().abs()) + " "
                + balance.currencyCode();
    }

    /**
     * Records news of one refund of a payment, once per provider refund id; only newer news moves it (pending, then
     * succeeded, then failed or cancelled). With {@link Funding#DEBIT} the first news that takes money posts a REFUND
     * entry keyed by the refund id, and a later failure returns it once (REFUND_RETURN); before the payment is credited
     * the debit waits for the credit. A succeeded refund adds to the payment's refunded amount, and one that completes
     * it makes the payment REFUNDED. Locks the payment's row first.
     */
    @InternalCall("inside the transaction of a provider's verified news or a refund Billfold started")
    @Transactional
    public Recorded record(PaymentId paymentId, String gatewayId, ProviderRefund refund, Funding funding) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (!refund.amount().currency().equals(payment.amount().currency())) {
            log.error("Payment {}: refund {} of {} is in another currency than the payment; nothing changed",
                    paymentId.value(), refund.refundId(), refund.amount());
            return Recorded.UNCHANGED;
        }
        Instant now = clock.instant();
        var known = refunds.refund(gatewayId, refund.refundId());
        if (known.isEmpty()) {
            return recordNew(payment, gatewayId, refund, funding, now);
        }
        PaymentRefundStore.RefundRow row = known.get();
        if (!row.paymentId().equals(paymentId)) {
            log.error("Refund {} of {} is recorded for payment {}, not {}; nothing changed", refund.refundId(),
                    gatewayId, row.paymentId().value(), paymentId.value());
            return Recorded.UNCHANGED;
        }
        if (!row.state().canMoveTo(refund.state())) {
            return Recorded.UNCHANGED;
        }
        boolean returned = row.returned();
        if (refund.state().isFinal() && row.debited() && !returned) {
            // The money stays ours after all: the balance gets the debit back, once.
            ledger.post(payment.accountId(), row.amount(), LedgerEntryKind.REFUND_RETURN, row.ledgerReference());
            returned = true;
        }
        refunds.updateRefund(row.id(), refund.state(), refund.reason(), row.debited(), returned, now);
        if (refund.state() == ProviderRefund.State.SUCCEEDED && hasBeenCredited(payment)) {
            succeeded(payment, gatewayId, refund, now);
        } else if (refund.state().isFinal() && row.state() == ProviderRefund.State.SUCCEEDED) {
            log.warn("Payment {}: refund {} failed after it had succeeded; the payment keeps its status {}",
                    paymentId.value(), refund.refundId(), payment.status());
        }
        return Recorded.APPLIED;
    }

    private Recorded recordNew(Payment payment, String gatewayId, ProviderRefund refund, Funding funding,
                               Instant now) {
        boolean debits = funding == Funding.DEBIT && refund.state().takesMoney();
        boolean debitNow = debits && hasBeenCredited(payment);
        var row = new PaymentRefundStore.RefundRow(UUID.randomUUID(), payment.id(), gatewayId, refund.refundId(),
                refund.amount(), refund.state(), refund.reason(), refund.initiatedKey(), funding, debitNow, false,
                now);
        refunds.insertRefund(row, now);
        if (debitNow) {
            ledger.post(payment.accountId(), refund.amount().negate(), LedgerEntryKind.REFUND, row.ledgerReference());
        }
        if (debits && !debitNow) {
            log.info("Payment {}: refund {} learnt before the payment was credited; debited when it credits",
                    payment.id().value(), refund.refundId());
            return Recorded.DEFERRED;
        }
        if (refund.state() == ProviderRefund.State.SUCCEEDED && hasBeenCredited(payment)) {
            succeeded(payment, gatewayId, refund, now);
        }
        return Recorded.APPLIED;
    }

    /**
     * News of one dispute of a payment, once per provider dispute id: the disputed amount is debited as soon as the
     * dispute is known (DISPUTE), and credited back once if it is won (DISPUTE_WON); lost, it stays debited. A decided
     * dispute takes no later news. Before the payment is credited both wait for the credit.
     */
    @Transactional
    Recorded dispute(PaymentId paymentId, String gatewayId, ProviderDispute dispute) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (!dispute.amount().currency().equals(payment.amount().currency())) {
            log.error("Payment {}: dispute {} of {} is in another currency than the payment; nothing changed",
                    paymentId.value(), dispute.disputeId(), dispute.amount());
            return Recorded.UNCHANGED;
        }
        Instant now = clock.instant();
        var known = refunds.dispute(gatewayId, dispute.disputeId());
        if (known.isEmpty()) {
            boolean credited = hasBeenCredited(payment);
            var row = new PaymentRefundStore.DisputeRow(UUID.randomUUID(), paymentId, gatewayId, dispute.disputeId(),
                    dispute.amount(), dispute.state(), dispute.providerStatus(), dispute.reason(), credited,
                    credited && dispute.state() == ProviderDispute.State.WON, now);
            refunds.insertDispute(row, now);
            if (!credited) {
                log.info("Payment {}: dispute {} learnt before the payment was credited; debited when it credits",
                        paymentId.value(), dispute.disputeId());
                return Recorded.DEFERRED;
            }
            ledger.post(payment.accountId(), dispute.amount().negate(), LedgerEntryKind.DISPUTE, row.ledgerReference());
            if (row.creditedBack()) {
                ledger.post(payment.accountId(), dispute.amount(), LedgerEntryKind.DISPUTE_WON, row.ledgerReference());
            }
            return Recorded.APPLIED;
        }
        PaymentRefundStore.DisputeRow row = known.get();
        if (!row.paymentId().equals(paymentId) || row.state().isFinal()
                || (row.state() == dispute.state() && row.providerStatus().equals(dispute.providerStatus()))) {
            return Recorded.UNCHANGED;
        }
        boolean creditBack = dispute.state() == ProviderDispute.State.WON && row.debited() && !row.creditedBack();
        if (creditBack) {
            ledger.post(payment.accountId(), row.amount(), LedgerEntryKind.DISPUTE_WON, row.ledgerReference());
        }
        refunds.updateDispute(row.id(), dispute.state(), dispute.providerStatus(), row.debited(),
                row.creditedBack() || creditBack, now);
        return Recorded.APPLIED;
    }

    /**
     * Posts the debits of refunds and disputes learnt before {@code credited} was credited, in the transaction that
     * credits it, right after its credit: credit-then-refund, so the balance never shows the money twice (DD-070).
     */
    Payment applyDeferred(Payment credited) {
        if (!hasBeenCredited(credited) || !refunds.hasDeferred(credited.id())) {
            return credited;
        }
        Instant now = clock.instant();
        for (PaymentRefundStore.RefundRow row : refunds.refundsOf(credited.id())) {
            if (row.funding() == Funding.DEBIT && !row.debited() && row.state().takesMoney()) {
                ledger.post(credited.accountId(), row.amount().negate(), LedgerEntryKind.REFUND,
                        row.ledgerReference());
                refunds.updateRefund(row.id(), row.state(), null, true, false, now);
            }
        }
        for (PaymentRefundStore.DisputeRow row : refunds.disputesOf(credited.id())) {
            if (!row.debited()) {
                boolean won = row.state() == ProviderDispute.State.WON;
                ledger.post(credited.accountId(), row.amount().negate(), LedgerEntryKind.DISPUTE,
                        row.ledgerReference());
                if (won) {
                    ledger.post(credited.accountId(), row.amount(), LedgerEntryKind.DISPUTE_WON,
                            row.ledgerReference());
                }
                refunds.updateDispute(row.id(), row.state(), row.providerStatus(), true, won, now);
            }
        }
        Money refunded = succeededTotal(credited.id(), credited.amount());
        if (refunded.isPositive() && credited.credited() != null && !refunded.isLessThan(credited.credited())
                && credited.status().canMoveTo(PaymentStatus.REFUNDED)) {
            return payments.update(credited.refund(fullRefundReason(), now));
        }
        return credited;
    }

    /** A refund that succeeded: the payment's refunded amount grows; complete, the payment is REFUNDED. */
    private void succeeded(Payment payment, String gatewayId, ProviderRefund refund, Instant now) {
        Money refunded = succeededTotal(payment.id(), payment.amount());
        Money credited = payment.credited() == null ? payment.amount() : payment.credited();
        boolean full = !refunded.isLessThan(credited);
        if (refunded.isGreaterThan(credited)) {
            log.warn("Payment {}: refunds of {} exceed what was credited ({})", payment.id().value(),
                    refunded, credited);
        }
        if (full && payment.status().canMoveTo(PaymentStatus.REFUNDED)) {
            payments.update(payment.refund(fullRefundReason(), now));
        }
        events.publishEvent(new PaymentRefunded(payment.id(), payment.accountId(), gatewayId, refund.refundId(),
                refund.amount(), refunded, full));
    }

    private static String fullRefundReason() {
        return "Refunded in full to the payer.";
    }

    private Money succeededTotal(PaymentId paymentId, Money zeroLike) {
        return refunds.refundsOf(paymentId).stream().filter(r -> r.state() == ProviderRefund.State.SUCCEEDED)
                .map(PaymentRefundStore.RefundRow::amount).reduce(Money.zero(zeroLike.currency()), Money::plus);
    }

    /**
     * A payment whose credit was posted: refunds and disputes of it debit at once, others wait for it. A REFUNDED one
     * may have been returned while held, never credited, so the ledger says.
     */
    private boolean hasBeenCredited(Payment payment) {
        return payment.status().isCredited() || (payment.status() == PaymentStatus.REFUNDED
                && ledger.postedAt(LedgerEntryKind.TOP_UP, payment.ledgerReference()).isPresent());
    }

    private RefundablePayment view(Payment payment) {
        var zero = Money.zero(payment.amount().currency());
        Money refunded = zero;
        Money pending = zero;
        for (PaymentRefundStore.RefundRow row : refunds.refundsOf(payment.id())) {
            if (row.state() == ProviderRefund.State.SUCCEEDED) {
                refunded = refunded.plus(row.amount());
            } else if (row.state() == ProviderRefund.State.PENDING) {
                pending = pending.plus(row.amount());
            }
        }
        Money disputed = refunds.disputesOf(payment.id()).stream()
                .filter(d -> d.state() != ProviderDispute.State.WON)
                .map(PaymentRefundStore.DisputeRow::amount).reduce(zero, Money::plus);
        return new RefundablePayment(payment.id(), payment.accountId(), payment.payerId(), payment.amount(),
                payment.credited(), refunded, pending, disputed, payment.methodKind(), payment.provider(),
                payment.paymentMethodId(), payment.providerReference(), payment.idempotencyKey(), payment.status(),
                payment.createdAt(), payment.price());
    }
}
