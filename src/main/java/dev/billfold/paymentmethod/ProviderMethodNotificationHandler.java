package dev.billfold.paymentmethod;

import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.MethodNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Webhooks about setups arrive without a user, so there is no access check: the adapter has verified the signature,
 * and a method is only matched within the provider that reported it.
 */
@Component
class ProviderMethodNotificationHandler implements MethodNotifications {

    private static final Logger log = LoggerFactory.getLogger(ProviderMethodNotificationHandler.class);

    private final PaymentMethodRepository methods;
    private final MethodSetupSettlement settlement;

    ProviderMethodNotificationHandler(PaymentMethodRepository methods, MethodSetupSettlement settlement) {
        this.methods = methods;
        this.settlement = settlement;
    }

    @Override
    public Outcome setupResult(String gatewayId, String setupKey, GatewayResult result) {
        PaymentMethod method = PaymentMethodService.methodIdOfSetupKey(setupKey)
                .flatMap(methods::findById)
                .filter(m -> gatewayId.equals(m.provider()))
                .orElse(null);
        if (method == null) {
            log.info("{} reported setup {} for unknown method {}", gatewayId, result.status(), setupKey);
            return Outcome.UNKNOWN_METHOD;
        }
        return settlement.apply(method.id(), result).moved() ? Outcome.APPLIED : Outcome.UNCHANGED;
    }
}
