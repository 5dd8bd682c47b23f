package dev.billfold.payment;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountContext;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.SupportReference;
import dev.billfold.gateway.CustomerActionRequest;
import dev.billfold.gateway.CustomerActions;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentGateway;
import dev.billfold.paymentmethod.ChargeableMethod;
import dev.billfold.paymentmethod.PaymentMethodService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * What happens to a payment after it was created: the customer's return from the provider, and confirming a waiting
 * saved-method charge with their bank.
 */
@Service
public class PaymentService {

    /** Where a provider sends the customer back to; {@code payment.ui.PaymentReturnView} is routed here. */
    public static final String RETURN_ROUTE = "payment-return";

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final AccountAccess access;
    private final GatewayRegistry gateways;
    private final PaymentSettlement settlement;
    private final PaymentHistoryQuery history;
    private final PaymentCustomerActions customerActions;
    private final PaymentMethodService methods;
    private final Clock clock;

    PaymentService(PaymentRepository payments, AccountAccess access, GatewayRegistry gateways,
                   PaymentSettlement settlement, PaymentHistoryQuery history, PaymentCustomerActions customerActions,
                   PaymentMethodService methods, Clock clock) {
        this.customerActions = customerActions;
        this.methods = methods;
        this.clock = clock;
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
                InvalidRequestException.keyed(null, "errors.payment.not-found"));
        if (payment.status() == PaymentStatus.WAITING_FOR_PAYMENT && payment.providerReference() != null
                && payment.provider() != null) {
            MDC.put(SupportReference.PAYMENT_ID, paymentId.value().toString());
            MDC.put(SupportReference.ACCOUNT_ID, payment.accountId().value().toString());
            if (payment.methodKind() == MethodKind.CHECKOUT) {
                settlement.apply(paymentId, askProvider(payment, false));
            } else if (payment.methodKind() == MethodKind.SAVED_METHOD && customerActions.attempted(paymentId)) {
                // Back from confirming a saved-method charge with the bank.
                settlement.apply(paymentId, askProvider(payment, true));
            }
        }
        // The request's own thread: the ids go with its last lines, and are gone for the next request on it.
        MDC.remove(SupportReference.PAYMENT_ID);
        MDC.remove(SupportReference.ACCOUNT_ID);
        return history.details(paymentId);
    }

    /**
     * The customer chose to confirm a waiting saved-method charge with their bank (DD-037). Only a member who may move
     * money in the payment's own account, only for a payment that waits for exactly that; anything else is refused with
     * a clear message and changes nothing. The provider confirms its charge again with our return route, and the
     * customer is sent to the page it names; if nothing is left to confirm, its answer is applied here.
     */
    public BankConfirmation confirmWithBank(PaymentId paymentId) {
        Payment payment = payments.findById(paymentId).orElse(null);
        AccountContext account = access.requireOwner(payment == null ? null : payment.accountId(), paymentId,
                AccountAccess.Action.VIEW, InvalidRequestException.keyed(null, "errors.payment.not-found"));
        if (!account.role().mayMoveMoney()) {
            throw access.denied(AccountAccess.Action.MOVE_MONEY, paymentId, InvalidRequestException.keyed(null,
                    "errors.payment.confirm-role"));
        }
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT || payment.methodKind() != MethodKind.SAVED_METHOD
                || payment.providerReference() == null || payment.provider() == null
                || payment.paymentMethodId() == null || customerActions.open(paymentId).isEmpty()) {
            throw InvalidRequestException.keyed(null, "errors.payment.no-confirmation-needed");
        }
        CustomerActions gateway = gateways.find(payment.provider(), CustomerActions.class).orElseThrow(() ->
                InvalidRequestException.keyed(null, "errors.payment.provider-unavailable"));
        ChargeableMethod method = methods.requireChargeable(payment.payerId(), payment.paymentMethodId());
        int attempt = customerActions.nextAttempt(paymentId, clock.instant());
        GatewayResult result;
        try {
            result = gateway.startCustomerAction(new CustomerActionRequest(
                    payment.idempotencyKey() + ":confirm:" + attempt, payment.providerReference(),
                    method.providerToken(), returnPath(paymentId)));
        } catch (RuntimeException unreachable) {
            log.warn("Payment {}: could not start the bank confirmation at {}", paymentId.value(), gateway.id(),
                    unreachable);
            result = GatewayResult.unknown(payment.providerReference(), "The provider did not answer.");
        }
        if (result.status() == GatewayResult.Status.PENDING && result.customerAction() != null
                && result.customerAction().redirectUrl() != null) {
            return new BankConfirmation.GoToBank(paymentId, result.customerAction().redirectUrl());
        }
        if (result.status() == GatewayResult.Status.UNKNOWN) {
            // Nothing changes: the charge still waits for the customer, who can try again.
            throw InvalidRequestException.keyed(null, "errors.payment.bank-page-unavailable");
        }
        settlement.apply(paymentId, result);
        return new BankConfirmation.Settled(history.details(paymentId));
    }

    private GatewayResult askProvider(Payment payment, boolean charge) {
        PaymentGateway gateway = gateways.find(payment.provider()).orElse(null);
        if (gateway == null) {
            return GatewayResult.unknown(payment.providerReference(), "The payment provider is switched off.");
        }
        try {
            if (!charge) {
                return gateway.checkoutResult(payment.providerReference());
            }
            return gateway.as(CustomerActions.class)
                    .map(actions -> actions.customerActionResult(payment.providerReference()))
                    .orElseGet(() -> GatewayResult.unknown(payment.providerReference(),
                            "The provider cannot be asked about this payment yet."));
        } catch (RuntimeException unreachable) {
            log.warn("Payment {}: could not ask {} for the outcome", payment.id().value(), gateway.id(), unreachable);
            return GatewayResult.unknown(payment.providerReference(),
                    "The provider did not answer; we will check again shortly.");
        }
    }

    /** Our own return path for a payment, for the provider's success and cancel URLs. */
    static String returnPath(PaymentId paymentId) {
        return "/" + RETURN_ROUTE + "/" + paymentId.value();
    }
}
