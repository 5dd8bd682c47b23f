package dev.billfold.refund;

import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.RefundAnswer;
import dev.billfold.gateway.RefundIssuer;
import dev.billfold.gateway.RefundOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Calls the providers for approved parts, never inside a transaction: after the approval's commit, and again from
 * {@link RefundRecheckJob} for a part whose answer was lost or is not final. Every call carries the part's own key,
 * so a call repeated after a crash or a timeout is the same refund at the provider.
 */
@Component
class RefundSender {

    /**
     * Re-sending a part with its key is safe only while the provider still replays the key's first answer: Stripe
     * keeps keys at least 24 hours, PayPal's request ids 6 hours by default (DD-053). Past it, a lost part is left to
     * Finance rather than risk a second refund.
     */
    static final Duration RESEND_WINDOW = Duration.ofHours(6);
    static final String PROVIDER_REASON = "Refund of unused balance";

    private static final Logger log = LoggerFactory.getLogger(RefundSender.class);

    private final RefundStore store;
    private final RefundableTopUps topUps;
    private final GatewayRegistry gateways;
    private final RefundSettlement settlement;
    private final Clock clock;

    RefundSender(RefundStore store, RefundableTopUps topUps, GatewayRegistry gateways, RefundSettlement settlement,
                 Clock clock) {
        this.clock = clock;
        this.store = store;
        this.topUps = topUps;
        this.gateways = gateways;
        this.settlement = settlement;
    }

    /** After the commit that approved the parts (or asked for them with immediate approval). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void approved(RefundPartsApproved approved) {
        approved.parts().forEach(this::check);
    }

    /**
     * Sends a part that is SENDING (again, with the same key, within {@link #RESEND_WINDOW}); asks about one that is
     * PENDING. Anything else has its answer already and is left alone.
     */
    void check(RefundPartId id) {
        RefundPart part = store.part(id).orElse(null);
        if (part == null || part.provider() == null) {
            return;
        }
        RefundIssuer gateway = gateways.find(part.provider(), RefundIssuer.class).orElse(null);
        if (gateway == null) {
            log.warn("Refund part {}: provider {} is switched off; asked again later", id.value(), part.provider());
            return;
        }
        RefundAnswer answer = switch (part.status()) {
            case SENDING -> send(gateway, part);
            case PENDING -> part.providerRefundId() == null ? null : ask(gateway, part, part.providerRefundId());
            default -> null;
        };
        if (answer != null) {
            settlement.apply(id, answer);
        }
    }

    private @Nullable RefundAnswer send(RefundIssuer gateway, RefundPart part) {
        if (part.updatedAt().plus(RESEND_WINDOW).isBefore(clock.instant())) {
            log.warn("Refund part {}: no answer from {} within {}; not sent again, for Finance to check",
                    part.id().value(), part.provider(), RESEND_WINDOW);
            return null;
        }
        String reference = topUps.providerReference(part.paymentId()).orElse(null);
        if (reference == null) {
            return RefundAnswer.failed(null, "The payment provider has no reference for this payment.");
        }
        // In what the provider charged: a payment made in another currency goes back at its locked price (DD-096).
        Money toPayer = topUps.price(part.paymentId()).chargedShareOf(part.amount());
        try {
            return gateway.refund(new RefundOrder(part.idempotencyKey(), reference, toPayer, PROVIDER_REASON));
        } catch (RuntimeException unreachable) {
            log.warn("Refund part {}: the call to {} failed; asked again later", part.id().value(), gateway.id(),
                    unreachable);
            return RefundAnswer.unknown(null, "The payment provider did not answer.");
        }
    }

    private RefundAnswer ask(RefundIssuer gateway, RefundPart part, String refundId) {
        try {
            String reference = topUps.providerReference(part.paymentId()).orElse(refundId);
            return gateway.refundResult(reference, refundId);
        } catch (RuntimeException unreachable) {
            log.warn("Refund part {}: could not ask {} about refund {}", part.id().value(), gateway.id(), refundId,
                    unreachable);
            return RefundAnswer.unknown(refundId, "The payment provider did not answer.");
        }
    }

    /** The parts a commit approved, for {@link #approved}. */
    record RefundPartsApproved(List<RefundPartId> parts) {
    }
}
