package dev.billfold.payment;

import dev.billfold.account.AccountAccess;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What happens to a payment after it was created: the customer's return from the provider. */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final AccountAccess access;
    private final GatewayRegistry gateways;
    private final PaymentSettlement settlement;
    private final PaymentHistoryQuery history;

    PaymentService(PaymentRepository payments, AccountAccess access, GatewayRegistry gateways,
                   PaymentSettlement settlement, PaymentHistoryQuery history) {
        this.payments = payments;
        this.access = access;
        this.gateways = gateways;
        this.settlement = settlement;
        this.history = history;
    }

    /**
     * The customer is back from the provider's page. The provider is asked what happened; nothing in the redirect is
     * trusted but the payment id, and that only after checking it is the current user's. A second return, or one
     * racing a webhook or the poller, changes nothing.
     */
    public PaymentDetails confirmReturn(PaymentId paymentId) {
        Payment payment = payments.findById(paymentId).orElse(null);
        access.requireOwner(payment == null ? null : payment.accountId(), paymentId, AccountAccess.Action.VIEW,
                new InvalidRequestException("We could not find that payment."));
        if (payment.status() == PaymentStatus.WAITING_FOR_PAYMENT && payment.methodKind() == MethodKind.CHECKOUT
                && payment.providerReference() != null && payment.provider() != null) {
            settlement.apply(paymentId, askProvider(payment));
        }
        return history.details(paymentId);
    }

    private GatewayResult askProvider(Payment payment) {
        PaymentGateway gateway = gateways.find(payment.provider()).orElse(null);
        if (gateway == null) {
            return GatewayResult.unknown(payment.providerReference(), "The payment provider is switched off.");
        }
        try {
            return gateway.checkoutResult(payment.providerReference());
        } catch (RuntimeException unreachable) {
            log.warn("Payment {}: could not ask {} for the outcome", payment.id().value(), gateway.id(), unreachable);
            return GatewayResult.unknown(payment.providerReference(), "The provider did not answer; we will check again shortly.");
        }
    }
}
