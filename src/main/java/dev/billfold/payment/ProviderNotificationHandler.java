package dev.billfold.payment;

import dev.billfold.base.InternalCall;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentNotifications;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Webhooks arrive without a user, so there is no access check here: the provider adapter has already verified the
 * signature, and a payment is only ever matched within the provider that reported it.
 */
@Component
class ProviderNotificationHandler implements PaymentNotifications {

    private static final Logger log = LoggerFactory.getLogger(ProviderNotificationHandler.class);

    private final PaymentRepository payments;
    private final PaymentSettlement settlement;
    private final PaymentStateStore states;

    ProviderNotificationHandler(PaymentRepository payments, PaymentSettlement settlement, PaymentStateStore states) {
        this.payments = payments;
        this.settlement = settlement;
        this.states = states;
    }

    @Override
    @InternalCall("a provider's verified webhook: no user, matched only within the reporting provider")
    public Outcome byProviderReference(String gatewayId, String providerReference, GatewayResult result) {
        return apply(gatewayId, payments.findByProviderAndProviderReference(gatewayId, providerReference), result,
                "reference " + providerReference);
    }

    @Override
    @InternalCall("a provider's verified webhook: no user, matched only within the reporting provider")
    public Outcome byIdempotencyKey(String gatewayId, String idempotencyKey, GatewayResult result) {
        Outcome outcome = apply(gatewayId, payments.findByIdempotencyKey(idempotencyKey), result,
                "with a key we do not know");
        if (outcome == Outcome.UNKNOWN_PAYMENT) {
            // The key only at DEBUG: idempotency keys are not for INFO logs (docs/security.md, item 7).
            log.debug("{}: the unknown payment's key is {}", gatewayId, idempotencyKey);
        }
        return outcome;
    }

    private Outcome apply(String gatewayId, Optional<Payment> found, GatewayResult result, String what) {
        Payment payment = found.filter(p -> gatewayId.equals(p.provider())).orElse(null);
        if (payment == null) {
            log.info("{} reported {} for unknown payment {}", gatewayId, result.status(), what);
            return Outcome.UNKNOWN_PAYMENT;
        }
        if (!result.isFor(payment.idempotencyKey())) {
            log.warn("{} reported {} for payment {} ({}) from an order that carries another key; nothing changed",
                    gatewayId, result.status(), payment.id().value(), what);
            return Outcome.KEY_MISMATCH;
        }
        if (payment.status() == PaymentStatus.WAITING_FOR_CLARIFICATION && states.isOutcomeOpen(payment.id())) {
            // A payment held while its outcome was open (a charge of unknown outcome, a checkout whose provider could
            // not be asked at its expiry) still takes the provider's final word (DD-035, DD-055); news that is not
            // final yet is taken as recorded, so that an adapter that first checks "is it ours?" goes on to ask.
            settlement.apply(payment.id(), result);
            return Outcome.APPLIED;
        }
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return Outcome.ALREADY_SETTLED;
        }
        settlement.apply(payment.id(), result);
        return Outcome.APPLIED;
    }
}
