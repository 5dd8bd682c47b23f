package dev.billfold.payment;

import dev.billfold.base.InternalCall;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundNotifications;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refund and dispute news from a provider's verified webhook or the poller's reconciliation. No user, so no access
 * check: the adapter verified the news, and a payment is only matched within the provider that reported it. A refund
 * that Billfold started goes to the feature that started it ({@link InitiatedRefunds}); any other is debited here.
 */
@Component
class ProviderRefundHandler implements RefundNotifications {

    private static final Logger log = LoggerFactory.getLogger(ProviderRefundHandler.class);

    private final PaymentRepository payments;
    private final PaymentRefunds refunds;
    private final List<InitiatedRefunds> initiated;

    ProviderRefundHandler(PaymentRepository payments, PaymentRefunds refunds, List<InitiatedRefunds> initiated) {
        this.payments = payments;
        this.refunds = refunds;
        this.initiated = List.copyOf(initiated);
    }

    @Override
    @InternalCall("a provider's verified refund news: no user, matched only within the reporting provider")
    @Transactional
    public Outcome refund(String gatewayId, ProviderRefund refund) {
        Payment payment = find(gatewayId, refund.paymentKey(), refund.paymentReference());
        if (payment == null) {
            log.info("{} reported refund {} for a payment we do not know", gatewayId, refund.refundId());
            return Outcome.UNKNOWN_PAYMENT;
        }
        // Locked first, so news of one payment is taken one at a time, whoever reports it.
        PaymentRefunds.RefundablePayment locked = refunds.lock(payment.id());
        for (InitiatedRefunds feature : initiated) {
            Optional<Outcome> taken = feature.take(gatewayId, locked, refund);
            if (taken.isPresent()) {
                log.info("{} refund {} of payment {} ({}): {}, for the refund Billfold started", gatewayId,
                        refund.refundId(), payment.id().value(), refund.state(), taken.get());
                return taken.get();
            }
        }
        // Billfold's own refunds were matched above in the pay currency; the provider's own are debited in the
        // account currency, at the payment's locked price (DD-096).
        ProviderRefund inAccountCurrency = new ProviderRefund(refund.paymentKey(), refund.paymentReference(),
                refund.refundId(), payment.price().topUpShareOf(refund.amount()), refund.state(), refund.reason(),
                refund.initiatedKey());
        Outcome outcome = outcome(refunds.record(payment.id(), gatewayId, inAccountCurrency,
                PaymentRefunds.Funding.DEBIT));
        logOutcome(outcome, "{} refund {} of payment {} ({}, {}): {}", gatewayId, refund.refundId(),
                payment.id().value(), refund.state(), refund.amount(), outcome);
        return outcome;
    }

    @Override
    @InternalCall("a provider's verified dispute news: no user, matched only within the reporting provider")
    @Transactional
    public Outcome dispute(String gatewayId, ProviderDispute dispute) {
        Payment payment = find(gatewayId, dispute.paymentKey(), dispute.paymentReference());
        if (payment == null) {
            log.info("{} reported dispute {} for a payment we do not know", gatewayId, dispute.disputeId());
            return Outcome.UNKNOWN_PAYMENT;
        }
        ProviderDispute inAccountCurrency = new ProviderDispute(dispute.paymentKey(), dispute.paymentReference(),
                dispute.disputeId(), payment.price().topUpShareOf(dispute.amount()), dispute.state(),
                dispute.providerStatus(), dispute.reason());
        Outcome outcome = outcome(refunds.dispute(payment.id(), gatewayId, inAccountCurrency));
        logOutcome(outcome, "{} dispute {} of payment {} ({}, {}): {}", gatewayId, dispute.disputeId(),
                payment.id().value(), dispute.providerStatus(), dispute.amount(), outcome);
        return outcome;
    }

    /** News that changed nothing (the poller asks again and again) only at DEBUG. */
    private static void logOutcome(Outcome outcome, String format, Object... arguments) {
        if (outcome == Outcome.UNCHANGED) {
            log.debug(format, arguments);
        } else {
            log.info(format, arguments);
        }
    }

    /** By our key when the provider echoes it, else by its reference; only ever a payment of this provider. */
    private @Nullable Payment find(String gatewayId, @Nullable String key, @Nullable String reference) {
        Optional<Payment> found = key != null ? payments.findByIdempotencyKey(key) : Optional.empty();
        if (found.isEmpty() && reference != null) {
            found = payments.findByProviderAndProviderReference(gatewayId, reference);
        }
        return found.filter(p -> gatewayId.equals(p.provider())).orElse(null);
    }

    private static Outcome outcome(PaymentRefunds.Recorded recorded) {
        return switch (recorded) {
            case APPLIED -> Outcome.APPLIED;
            case DEFERRED -> Outcome.DEFERRED;
            case UNCHANGED -> Outcome.UNCHANGED;
        };
    }
}
