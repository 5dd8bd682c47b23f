package dev.billfold.refund;

import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundAnswer;
import dev.billfold.gateway.RefundNotifications;
import dev.billfold.payment.InitiatedRefunds;
import dev.billfold.payment.PaymentRefunds;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Recognises a provider's news about a refund we started (by the part's key the provider echoes, or by the refund id
 * we stored) and applies it to that part instead of letting it be debited a second time as a refund from outside.
 * Runs in the news's transaction, with the payment's row locked by the caller; the part's is locked next.
 */
@Component
class InitiatedRefundNews implements InitiatedRefunds {

    private static final Logger log = LoggerFactory.getLogger(InitiatedRefundNews.class);

    private final RefundStore store;
    private final RefundSettlement settlement;

    InitiatedRefundNews(RefundStore store, RefundSettlement settlement) {
        this.store = store;
        this.settlement = settlement;
    }

    @Override
    public Optional<RefundNotifications.Outcome> take(String gatewayId, PaymentRefunds.RefundablePayment payment,
                                                      ProviderRefund refund) {
        Optional<RefundPart> found = refund.initiatedKey() == null ? Optional.empty()
                : store.partByKey(refund.initiatedKey());
        if (found.isEmpty()) {
            found = store.partByProviderRefund(gatewayId, refund.refundId());
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefundPart part = store.lockPart(found.get().id()).orElseThrow();
        if (!part.paymentId().equals(payment.id()) || !gatewayId.equals(part.provider())
                || !payment.price().chargedShareOf(part.amount()).equals(refund.amount())) {
            // Ours by its key, but not this payment's or not this amount: never applied, and never debited again.
            log.error("{} refund {} names refund part {} but does not match it (payment {}, amount {}); ignored",
                    gatewayId, refund.refundId(), part.id().value(), payment.id().value(), refund.amount());
            return Optional.of(RefundNotifications.Outcome.UNCHANGED);
        }
        RefundAnswer answer = switch (refund.state()) {
            case PENDING -> RefundAnswer.pending(refund.refundId(), refund.reason() == null
                    ? "The payment provider is processing the refund." : refund.reason());
            case SUCCEEDED -> RefundAnswer.succeeded(refund.refundId());
            case FAILED, CANCELLED -> RefundAnswer.failed(refund.refundId(), refund.reason() == null
                    ? "The payment provider could not refund it." : refund.reason());
        };
        RefundPart after = settlement.applyLocked(payment, part, answer);
        return Optional.of(after.version() == part.version() ? RefundNotifications.Outcome.UNCHANGED
                : RefundNotifications.Outcome.APPLIED);
    }
}
