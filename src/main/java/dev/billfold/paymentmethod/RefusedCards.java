package dev.billfold.paymentmethod;

import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.PaymentGateway;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Detaches, at its provider, a card that was saved there although its issuing country is refused (DD-090), or that is
 * a second copy of a card already saved (DD-100), so that it can never be charged. Tried right after the commit that
 * refused it, and again in every pending-method cycle while the provider keeps it (the row keeps its token until
 * then). Detaching twice is harmless: a provider that no longer has the card says it is gone.
 */
@Component
class RefusedCards {

    static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(RefusedCards.class);

    private final PaymentMethodRepository methods;
    private final GatewayRegistry gateways;

    RefusedCards(PaymentMethodRepository methods, GatewayRegistry gateways) {
        this.methods = methods;
        this.gateways = gateways;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void refused(PaymentMethodChanged changed) {
        if (changed.status() != PaymentMethodStatus.FAILED) {
            return;
        }
        methods.findById(changed.methodId())
                .filter(m -> m.providerToken() != null)
                .ifPresent(this::detach);
    }

    /** One sweep; how many refused cards were detached. */
    int detachStillAttached() {
        List<PaymentMethod> attached = methods.findRefusedStillAttached(BATCH);
        return (int) attached.stream().filter(this::detach).count();
    }

    private boolean detach(PaymentMethod method) {
        PaymentGateway gateway = gateways.find(method.provider()).orElse(null);
        String token = Objects.requireNonNull(method.providerToken());
        boolean detached;
        try {
            detached = gateway != null && gateway.detachMethod(token);
        } catch (RuntimeException unreachable) {
            log.warn("Refused card {}: {} could not detach it; tried again next cycle", method.id().value(),
                    method.provider(), unreachable);
            return false;
        }
        if (!detached) {
            log.warn("Refused card {}: {} did not detach it; tried again next cycle", method.id().value(),
                    method.provider());
            return false;
        }
        methods.forgetDetachedToken(method.id(), token);
        log.info("Refused card {} detached at {}", method.id().value(), method.provider());
        return true;
    }
}
