package dev.billfold.paymentmethod;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountId;
import dev.billfold.account.Payer;
import dev.billfold.account.PayerId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.gateway.GatewayResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Saved payment methods per payer. */
@Service
public class PaymentMethodService {

    private static final Logger log = LoggerFactory.getLogger(PaymentMethodService.class);

    private final AccountAccess access;
    private final PaymentMethodRepository methods;
    private final Clock clock;

    PaymentMethodService(AccountAccess access, PaymentMethodRepository methods, Clock clock) {
        this.access = access;
        this.methods = methods;
        this.clock = clock;
    }

    /** The payer's methods that can be charged now, the default first. */
    @Transactional(readOnly = true)
    public List<SavedMethodSummary> chargeableMethods(PayerId payerId) {
        access.requirePayer(payerId, AccountAccess.Action.VIEW);
        return methods.findConfirmedByPayer(payerId).stream().map(SavedMethodSummary::of).toList();
    }

    /**
     * Resolves a method id that came from outside for a charge: it must be the given payer's, confirmed, and the
     * current user must be allowed to move money for that payer.
     */
    @Transactional(readOnly = true)
    public ChargeableMethod requireChargeable(PayerId payerId, PaymentMethodId methodId) {
        Payer payer = access.requirePayer(payerId, AccountAccess.Action.MOVE_MONEY);
        PaymentMethod method = methods.findById(methodId).orElse(null);
        if (method == null || !method.payerId().equals(payer.id())) {
            log.warn("Rejected method {} for payer {}: not the payer's", methodId.value(), payerId.value());
            throw new InvalidRequestException("method", "That payment method does not belong to the selected payer.");
        }
        if (!method.isChargeable()) {
            throw new InvalidRequestException("method",
                    "That payment method is %s and cannot be charged.".formatted(method.status().label().toLowerCase()));
        }
        return new ChargeableMethod(method.id(), method.provider(), method.providerToken(), method.label());
    }

    /**
     * The payer's default confirmed method, for a charge the account agreed to in advance (the auto-renewal top-up).
     * No user is signed in there, so there is no access check: the caller passes the payer from the account's own
     * settings, and the method must belong to that account too.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ChargeableMethod> defaultMethodForStandingOrder(AccountId accountId, PayerId payerId) {
        return methods.findConfirmedByPayer(payerId).stream()
                .filter(method -> method.isDefault() && method.accountId().equals(accountId))
                .findFirst()
                .map(method -> new ChargeableMethod(method.id(), method.provider(), method.providerToken(), method.label()));
    }

    /**
     * Records a method that a provider saved during a paid checkout. The provider has just charged it, so it is
     * confirmed at once; the payer's first confirmed method becomes the default. Runs inside the settlement
     * transaction and is idempotent by (provider, token).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordConfirmedFromCheckout(AccountId accountId, PayerId payerId, String provider,
                                            GatewayResult.SavedMethod saved) {
        if (methods.findByProviderAndProviderToken(provider, saved.token()).isPresent()) {
            return;
        }
        LocalDate expiresOn = saved.expires() == null ? null : saved.expires().atEndOfMonth();
        PaymentMethod pending = PaymentMethod.pending(accountId, payerId, provider, saved.token(), saved.label(),
                expiresOn, clock.instant());
        methods.save(pending.confirm(!methods.payerHasDefault(payerId), clock.instant()));
    }
}
