package dev.billfold.payment;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.InternalCall;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.gateway.ChargeRequest;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentGateway;
import dev.billfold.paymentmethod.ChargeableMethod;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Top-ups that cover a shortfall: the amount to ask for, and the off-session charge the auto-renewal job makes when
 * the account agreed to it. The charge takes the same path as a customer's saved-method top-up (payment created
 * WAITING with its idempotency key under the account lock and the daily caps, then the provider's
 * {@code chargeSavedMethod} with that key, then {@link PaymentSettlement}); only the signed-in user is missing.
 */
@Service
public class ShortfallTopUps {

    private static final Logger log = LoggerFactory.getLogger(ShortfallTopUps.class);

    private final TopUpLimits limits;
    private final PaymentMethodService methods;
    private final GatewayRegistry gateways;
    private final PaymentRepository payments;
    private final DailyUsageQuery dailyUsage;
    private final PaymentSettlement settlement;
    private final ChargeRequestStore charges;
    private final AccountAccess access;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ShortfallTopUps(TopUpLimits limits, PaymentMethodService methods, GatewayRegistry gateways,
                    PaymentRepository payments, DailyUsageQuery dailyUsage, PaymentSettlement settlement,
                    ChargeRequestStore charges, AccountAccess access, PlatformTransactionManager transactionManager,
                    Clock clock) {
        this.charges = charges;
        this.limits = limits;
        this.methods = methods;
        this.gateways = gateways;
        this.payments = payments;
        this.dailyUsage = dailyUsage;
        this.settlement = settlement;
        this.access = access;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * What to top up to cover {@code shortfall}: rounded up to the currency's minor unit and at least the minimum
     * top-up. Throws {@link InvalidRequestException} when the currency cannot be topped up or the amount is above the
     * maximum per payment.
     */
    /** Whether {@code amount} reaches the top-up minimum of its currency. */
    public boolean meetsMinimum(Money amount) {
        return amount.value().compareTo(limits.limitsFor(amount.currency()).min()) >= 0;
    }

    /** The most one top-up may be in this currency. */
    public Money maximumFor(Currency currency) {
        return Money.of(limits.limitsFor(currency).max(), currency);
    }

    public Money amountFor(Money shortfall) {
        TopUpProperties.CurrencyLimits currencyLimits = limits.limitsFor(shortfall.currency());
        BigDecimal rounded = shortfall.value().setScale(Money.minorDigits(shortfall.currency()), RoundingMode.CEILING);
        BigDecimal amount = rounded.max(currencyLimits.min());
        if (amount.compareTo(currencyLimits.max()) > 0) {
            throw InvalidRequestException.keyed("amount", "errors.shortfall.above-maximum",
                    Money.of(rounded, shortfall.currency()), Money.of(currencyLimits.max(), shortfall.currency()));
        }
        return Money.of(amount, shortfall.currency());
    }

    /**
     * The settled state of the payment made with this idempotency key, if it has settled. No access check: internal.
     */
    @InternalCall("the renewal orders look up the payment of the key they stored themselves, after its settlement "
            + "or in the auto-renewal job; no user is signed in there")
    public Optional<PaymentSettled> settled(String idempotencyKey) {
        return payments.findByIdempotencyKey(idempotencyKey)
                .filter(payment -> payment.status() != PaymentStatus.WAITING_FOR_PAYMENT)
                .map(payment -> new PaymentSettled(payment.id(), payment.accountId(), payment.idempotencyKey(),
                        payment.status(), payment.statusReason()));
    }

    /**
     * Tops up at least {@code shortfall} from the payer's default confirmed method, once per {@code idempotencyKey}:
     * a second call with the same key never charges again, it reports what the first one did. No access check: the
     * caller acts on the account's standing permission and passes the payer stored with it.
     */
    @InternalCall("the auto-renewal job tops up without a signed-in user, for the account and payer of the service "
            + "it renews")
    public Result topUpFromDefaultMethod(AccountId accountId, PayerId payerId, Money shortfall, String idempotencyKey) {
        return topUpFromSavedMethod(accountId, payerId, null, shortfall, idempotencyKey);
    }

    /**
     * {@link #topUpFromDefaultMethod} from the payer's method {@code methodId}, or its default when null: the auto
     * top-up's charge (DD-105). The amount is raised to the top-up minimum; the daily caps apply.
     */
    @InternalCall("the auto top-up has no signed-in user; the account, payer and method come from its own rule")
    public Result topUpFromSavedMethod(AccountId accountId, PayerId payerId, @Nullable PaymentMethodId methodId,
                                       Money shortfall, String idempotencyKey) {
        Optional<Payment> earlier = payments.findByIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            return resultOf(earlier.get(), null);
        }
        ChargeableMethod method = methods.methodForStandingOrder(accountId, payerId, methodId).orElse(null);
        if (method == null) {
            return new Result(Result.Status.NO_METHOD, null, methodId == null
                    ? "The payer has no confirmed default payment method."
                    : "The chosen payment method is no longer saved and confirmed for the payer.");
        }
        PaymentGateway gateway = gateways.find(method.provider()).orElse(null);
        if (gateway == null) {
            return new Result(Result.Status.NOT_CREDITED, null,
                    "The provider of " + method.label() + " is not available.");
        }
        Payment payment;
        try {
            Money amount = amountFor(shortfall);
            payment = transaction.execute(status -> {
                access.lockForUpdate(accountId);
                Instant now = clock.instant();
                ZoneId zone = limits.dayZone();
                LocalDate today = LocalDate.ofInstant(now, zone);
                limits.checkDaily(amount, dailyUsage.usage(accountId, amount.currency(),
                        today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant()));
                Payment created = payments.save(Payment.waiting(accountId, payerId, amount, MethodKind.SAVED_METHOD,
                        gateway.id(), method.id(), idempotencyKey, false, now));
                charges.record(created.id(), chargeRequest(created, method));
                return created;
            });
        } catch (InvalidRequestException refused) {
            return new Result(Result.Status.NOT_CREDITED, null, refused.getMessage());
        } catch (DuplicateKeyException concurrentRun) {
            return resultOf(payments.findByIdempotencyKey(idempotencyKey).orElseThrow(), null);
        }
        GatewayResult result;
        try {
            result = gateway.chargeSavedMethod(chargeRequest(payment, method));
        } catch (RuntimeException unknown) {
            log.warn("Payment {}: automatic top-up outcome unknown", payment.id().value(), unknown);
            result = GatewayResult.unknown(null,
                    "The provider did not answer; we will check the payment again shortly.");
        }
        return resultOf(settlement.apply(payment.id(), result), method.label());
    }

    /**
     * The charge as recorded with the payment and as sent: the same request, so a lost answer can be asked for again.
     */
    private static ChargeRequest chargeRequest(Payment payment, ChargeableMethod method) {
        return new ChargeRequest(payment.idempotencyKey(), payment.payerId().value().toString(), method.providerToken(),
                payment.amount(), "Balance top-up for service renewals");
    }

    private static Result resultOf(Payment payment, @Nullable String methodLabel) {
        String from = methodLabel == null ? "" : " from " + methodLabel;
        if (payment.status().isCredited()) {
            return new Result(Result.Status.CREDITED, payment.id(),
                    "%s was topped up%s.".formatted(payment.amount().format(), from));
        }
        return new Result(Result.Status.NOT_CREDITED, payment.id(), "The top-up of %s%s was not credited: %s"
                .formatted(payment.amount().format(), from, TopUpService.messageFor(payment)));
    }

    /** What the automatic top-up did. */
    /** The status of the payment made with this idempotency key, if one was made. No access check: internal. */
    @InternalCall("the auto top-up looks up the payment of the key it stored itself; no user is signed in there")
    public Optional<PaymentStatus> statusOf(String idempotencyKey) {
        return payments.findByIdempotencyKey(idempotencyKey).map(Payment::status);
    }

    /**
     * What the account's payments under keys starting with one of {@code keyPrefixes} came to since {@code since},
     * those rejected or deleted left out: the auto top-ups of a month, against their cap (DD-105).
     */
    @InternalCall("the auto top-up sums its own payments, under the rule's row lock; no user is signed in there")
    public Money totalSince(AccountId accountId, List<String> keyPrefixes, Instant since, Currency currency) {
        return dailyUsage.totalUnderKeys(accountId, keyPrefixes, since, currency);
    }

    public record Result(Status status, @Nullable PaymentId paymentId, String message) {

        public enum Status { CREDITED, NOT_CREDITED, NO_METHOD }

        public boolean credited() {
            return status == Status.CREDITED;
        }
    }
}
