package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.IllegalTransitionException;
import dev.billfold.base.Money;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;

/**
 * A top-up. Its status only moves along {@link PaymentStatus#allowedNext()}; every move goes through a method here
 * that checks it, so that, for example, a credited payment can never go back to waiting.
 */
public record Payment(
        @Id PaymentId id,
        AccountId accountId,
        PayerId payerId,
        @Embedded.Empty(prefix = "amount_") Money amount,
        @Embedded.Nullable(prefix = "credited_") @Nullable Money credited,
        @Nullable BigDecimal exchangeRate,
        @Embedded.Nullable(prefix = "pay_") @Nullable Money pay,
        @Nullable QuoteId quoteId,
        MethodKind methodKind,
        @Nullable String provider,
        @Nullable PaymentMethodId paymentMethodId,
        @Nullable String providerReference,
        String idempotencyKey,
        boolean saveMethod,
        PaymentStatus status,
        @Nullable String statusReason,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    public Payment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(payerId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(methodKind);
        Objects.requireNonNull(status);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A payment amount must be positive");
        }
        if (idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("A payment needs an idempotency key");
        }
        if (methodKind != MethodKind.INVOICE && provider == null) {
            throw new IllegalArgumentException(methodKind + " needs a provider");
        }
        if (methodKind == MethodKind.SAVED_METHOD && paymentMethodId == null) {
            throw new IllegalArgumentException("A saved-method payment needs the method");
        }
        if ((pay == null) != (quoteId == null) || pay != null && pay.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("A payment in another currency needs its quote, and only then");
        }
    }

    static Payment waiting(AccountId accountId, PayerId payerId, Money amount, MethodKind kind,
                           @Nullable String provider, @Nullable PaymentMethodId methodId, String idempotencyKey,
                           boolean saveMethod, Instant now) {
        return new Payment(PaymentId.random(), accountId, payerId, amount, null, null, null, null, kind, provider,
                methodId, null, idempotencyKey, saveMethod, PaymentStatus.WAITING_FOR_PAYMENT, null, now, now, null);
    }

    /**
     * A top-up at a quote's locked price (DD-096): the account is credited {@code quote.credited()}, the provider is
     * charged {@code quote.pay()}, at the quote's rate, whenever the provider completes it.
     */
    static Payment waitingAtQuote(Quote quote, PayerId payerId, MethodKind kind, String provider,
                                  @Nullable PaymentMethodId methodId, String idempotencyKey, boolean saveMethod,
                                  Instant now) {
        return new Payment(PaymentId.random(), quote.accountId(), payerId, quote.credited(), null, quote.rate(),
                quote.pay(), quote.id(), kind, provider, methodId, null, idempotencyKey, saveMethod,
                PaymentStatus.WAITING_FOR_PAYMENT, null, now, now, null);
    }

    /** What the provider is asked for: the quote's pay amount, or the top-up itself in the account currency. */
    Money charged() {
        return pay == null ? amount : pay;
    }

    /** The top-up and what its provider charged for it, for money that goes back (DD-096). */
    LockedPrice price() {
        return new LockedPrice(amount, pay);
    }

    /** Money received and credited in the account currency, at the quote's rate when it was paid in another. */
    Payment credit(Instant now) {
        return moveTo(PaymentStatus.CREDITED, null, amount, rateOrOne(), now);
    }

    private BigDecimal rateOrOne() {
        return exchangeRate == null ? BigDecimal.ONE : exchangeRate;
    }

    /**
     * Credited with what actually arrived, which a held payment's resolution may credit although it differs from what
     * was asked for (DD-064); {@code reason} is what the customer reads ("Paid by a third party: ...").
     */
    Payment creditReceived(Money received, @Nullable String reason, Instant now) {
        return moveTo(PaymentStatus.CREDITED, reason, received, rateOrOne(), now);
    }

    /** Credited on proof of payment before the bank shows the money (a payment order, DD-065). */
    Payment creditConditionally(@Nullable String reason, Instant now) {
        return moveTo(PaymentStatus.CONDITIONALLY_CREDITED, reason, amount, rateOrOne(), now);
    }

    /** The bank now shows the money a conditional credit was for: CREDITED, with what was credited then. */
    Payment confirmConditionalCredit(@Nullable String reason, Instant now) {
        if (status != PaymentStatus.CONDITIONALLY_CREDITED) {
            throw new IllegalTransitionException("Payment " + id.value(), status, PaymentStatus.CREDITED);
        }
        return moveTo(PaymentStatus.CREDITED, reason, credited, exchangeRate, now);
    }

    /** A conditional credit whose money never arrived, taken back by a REVERSAL entry (DD-065). */
    Payment reverseConditionalCredit(String reason, Instant now) {
        if (status != PaymentStatus.CONDITIONALLY_CREDITED) {
            throw new IllegalTransitionException("Payment " + id.value(), status, PaymentStatus.DELETED);
        }
        return moveTo(PaymentStatus.DELETED, reason, credited, exchangeRate, now);
    }

    Payment reject(String reason, Instant now) {
        return moveTo(PaymentStatus.REJECTED, reason, credited, exchangeRate, now);
    }

    Payment holdForClarification(String reason, Instant now) {
        return moveTo(PaymentStatus.WAITING_FOR_CLARIFICATION, reason, credited, exchangeRate, now);
    }

    Payment delete(String reason, Instant now) {
        return moveTo(PaymentStatus.DELETED, reason, credited, exchangeRate, now);
    }

    Payment refund(String reason, Instant now) {
        return moveTo(PaymentStatus.REFUNDED, reason, credited, exchangeRate, now);
    }

    /**
     * The provider's id for the checkout or charge, learned after the payment was created (while waiting, or while a
     * charge of unknown outcome is held for clarification).
     */
    Payment withProviderReference(String reference, Instant now) {
        if (status != PaymentStatus.WAITING_FOR_PAYMENT && status != PaymentStatus.WAITING_FOR_CLARIFICATION) {
            throw new IllegalStateException("Provider reference can only be set while waiting");
        }
        if (providerReference != null && !providerReference.equals(reference)) {
            throw new IllegalStateException(
                    "Payment " + id.value() + " already has provider reference " + providerReference);
        }
        return new Payment(id, accountId, payerId, amount, credited, exchangeRate, pay, quoteId, methodKind, provider,
                paymentMethodId, reference, idempotencyKey, saveMethod, status, statusReason, createdAt, now, version);
    }

    /** Why it is still waiting (for example "authentication needed"); only while waiting. */
    Payment withWaitingReason(@Nullable String reason, Instant now) {
        if (status != PaymentStatus.WAITING_FOR_PAYMENT) {
            throw new IllegalStateException("Only a waiting payment has a waiting reason");
        }
        return new Payment(id, accountId, payerId, amount, credited, exchangeRate, pay, quoteId, methodKind, provider,
                paymentMethodId, providerReference, idempotencyKey, saveMethod, status, reason, createdAt, now,
                version);
    }

    private Payment moveTo(PaymentStatus next, @Nullable String reason, @Nullable Money creditedAmount,
                           @Nullable BigDecimal rate, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Payment " + id.value(), status, next);
        }
        return new Payment(id, accountId, payerId, amount, creditedAmount, rate, pay, quoteId, methodKind, provider,
                paymentMethodId, providerReference, idempotencyKey, saveMethod, next, reason, createdAt, now, version);
    }

    Payment withVersion(Long newVersion) {
        return new Payment(id, accountId, payerId, amount, credited, exchangeRate, pay, quoteId, methodKind, provider,
                paymentMethodId, providerReference, idempotencyKey, saveMethod, status, statusReason, createdAt,
                updatedAt, newVersion);
    }

    /** The ledger cause of this payment's credit. */
    String ledgerReference() {
        return ledgerReference(id);
    }

    static String ledgerReference(PaymentId id) {
        return "payment:" + id.value();
    }
}
