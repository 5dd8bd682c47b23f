package dev.billfold.paymentmethod;

import dev.billfold.gateway.GatewayResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one idempotent state change for a provider's answer about a setup, whether it comes from the customer's return
 * or a webhook. The method row is locked first; only a PENDING method moves, so a second answer changes nothing.
 */
@Component
class MethodSetupSettlement {

    private static final Logger log = LoggerFactory.getLogger(MethodSetupSettlement.class);

    private final PaymentMethodRepository methods;
    private final Clock clock;

    MethodSetupSettlement(PaymentMethodRepository methods, Clock clock) {
        this.methods = methods;
        this.clock = clock;
    }

    /** Returns the method after the change, and whether it moved. */
    @Transactional
    Applied apply(PaymentMethodId methodId, GatewayResult result) {
        PaymentMethod method = methods.findLockedById(methodId).orElseThrow();
        if (method.status() != PaymentMethodStatus.PENDING) {
            return new Applied(method, false);
        }
        Instant now = clock.instant();
        PaymentMethod next = switch (result.status()) {
            case SUCCEEDED -> {
                GatewayResult.SavedMethod saved = result.savedMethod();
                if (saved == null) {
                    log.warn("Setup of method {} succeeded without a saved method; left pending", methodId.value());
                    yield null;
                }
                if (methods.findByProviderAndProviderToken(method.provider(), saved.token()).isPresent()) {
                    // The same provider method is already on file (e.g. saved by a checkout): keep one of it.
                    yield method.fail("This card is already saved.", now);
                }
                LocalDate expires = saved.expires() == null ? null : saved.expires().atEndOfMonth();
                yield method.confirmSetup(saved.token(), saved.label(), expires, !methods.payerHasDefault(method.payerId()), now);
            }
            case DECLINED, CANCELLED -> method.fail(result.reason() == null || result.reason().isBlank()
                    ? "The provider did not save the method." : result.reason(), now);
            case PENDING, UNKNOWN -> null;
        };
        if (next == null) {
            return new Applied(methods.save(method.checked(now)), false);
        }
        return new Applied(methods.save(next), true);
    }

    record Applied(PaymentMethod method, boolean moved) {
    }
}
