package dev.billfold.gateway.stripe;

import static dev.billfold.gateway.stripe.StripeResults.NO_SUCH_PAYMENT_INTENT;
import static dev.billfold.gateway.stripe.StripeResults.declineReason;
import static dev.billfold.gateway.stripe.StripeResults.describe;
import static dev.billfold.gateway.stripe.StripeResults.needsAuthentication;
import static dev.billfold.gateway.stripe.StripeResults.resultOfCancel;
import static dev.billfold.gateway.stripe.StripeResults.resultOfCharge;
import static dev.billfold.gateway.stripe.StripeResults.resultOfPaymentSession;
import static dev.billfold.gateway.stripe.StripeResults.resultOfSetupSession;
import static dev.billfold.gateway.stripe.StripeResults.unknown;
import static dev.billfold.gateway.stripe.StripeResults.unknownOrDeclined;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodRetrieveParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.gateway.ChargeCancellation;
import dev.billfold.gateway.ChargeLookup;
import dev.billfold.gateway.ChargeRequest;
import dev.billfold.gateway.CheckoutRequest;
import dev.billfold.gateway.CheckoutSession;
import dev.billfold.gateway.ConditionalOnProvider;
import dev.billfold.gateway.CustomerActionRequest;
import dev.billfold.gateway.CustomerActions;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.MethodSetup;
import dev.billfold.gateway.RefundAnswer;
import dev.billfold.gateway.RefundIssuer;
import dev.billfold.gateway.RefundLookup;
import dev.billfold.gateway.RefundOrder;
import dev.billfold.gateway.SetupRequest;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stripe behind {@link PaymentGateway}: a Checkout Session in payment mode for card top-ups, one in setup mode for
 * saving a card without paying, and an off-session PaymentIntent for charging a saved card. Every create carries our
 * idempotency key as Stripe's {@code Idempotency-Key}, and the key also travels in the metadata so that webhooks find
 * the payment. Provider outcomes never throw: declines, authentication, 5xx and timeouts become explicit results with
 * a customer-safe reason.
 */
@Component
@ConditionalOnProvider(StripeGatewayProperties.SECRET_KEY)
class StripeGateway implements ChargeLookup, CustomerActions, ChargeCancellation, MethodSetup, RefundIssuer,
        RefundLookup {

    static final String ID = "stripe";
    static final String METADATA_KEY = "billfold_key";
    static final String METADATA_FLOW = "billfold_flow";
    static final String METADATA_SAVE = "billfold_save";
    static final String METADATA_PAYER = "billfold_payer";
    static final String FLOW_CHECKOUT = "checkout";
    static final String FLOW_CHARGE = "charge";
    static final String FLOW_SETUP = "setup";

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    private final StripeClient stripe;
    private final StripeCustomers customers;
    private final StripeGatewayProperties properties;
    private final StripeReversals reversals;

    StripeGateway(StripeClient stripe, StripeCustomers customers, StripeGatewayProperties properties,
                  StripeReversals reversals) {
        this.reversals = reversals;
        this.stripe = stripe;
        this.customers = customers;
        this.properties = properties.requireComplete();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return properties.displayName();
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) {
        long amount = StripeAmounts.toMinor(request.amount());
        try {
            String customer = customers.forPayer(request.payerId(), request.payerName());
            SessionCreateParams.PaymentIntentData.Builder intent = SessionCreateParams.PaymentIntentData.builder()
                    .setDescription(request.description())
                    .putMetadata(METADATA_KEY, request.idempotencyKey())
                    .putMetadata(METADATA_FLOW, FLOW_CHECKOUT)
                    .putMetadata(METADATA_SAVE, Boolean.toString(request.saveMethod()));
            if (request.saveMethod()) {
                intent.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION);
            }
            Session session = stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                            .setMode(SessionCreateParams.Mode.PAYMENT)
                            .setCustomer(customer)
                            .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                            .setSuccessUrl(properties.absolute(request.returnPath()))
                            .setCancelUrl(properties.absolute(request.cancelPath()))
                            .setClientReferenceId(request.idempotencyKey())
                            .putMetadata(METADATA_KEY, request.idempotencyKey())
                            .putMetadata(METADATA_FLOW, FLOW_CHECKOUT)
                            .putMetadata(METADATA_SAVE, Boolean.toString(request.saveMethod()))
                            .addLineItem(SessionCreateParams.LineItem.builder()
                                    .setQuantity(1L)
                                    .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                            .setCurrency(StripeAmounts.currency(request.amount()))
                                            .setUnitAmount(amount)
                                            .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                                    .setName(request.description())
                                                    .build())
                                            .build())
                                    .build())
                            .setPaymentIntentData(intent.build())
                            .build(),
                    keyed(request.idempotencyKey()));
            return new CheckoutSession(session.getId(), session.getUrl());
        } catch (StripeException e) {
            // Opening a checkout moves no money, so the caller may reject the payment; the message stays ours.
            throw new StripeUnavailableException("Stripe could not open a checkout: " + describe(e));
        }
    }

    /** The refunds and disputes of a Checkout Session's or an off-session charge's PaymentIntent (DD-070). */
    @Override
    public Optional<Reversals> reversalsOf(String paymentReference) {
        return reversals.reversalsOf(paymentReference);
    }

    @Override
    public GatewayResult checkoutResult(String checkoutReference) {
        Session session;
        try {
            session = stripe.v1().checkout().sessions().retrieve(checkoutReference, SessionRetrieveParams.builder()
                    .addExpand("payment_intent")
                    .addExpand("payment_intent.payment_method")
                    .build());
        } catch (StripeException e) {
            return unknown(checkoutReference, e);
        }
        return resultOfPaymentSession(session);
    }

    @Override
    public GatewayResult chargeSavedMethod(ChargeRequest request) {
        long amount;
        try {
            amount = StripeAmounts.toMinor(request.amount());
        } catch (InvalidRequestException notChargeable) {
            return GatewayResult.declined(null, notChargeable.getMessage());
        }
        Optional<String> customer = customers.find(request.payerId());
        if (customer.isEmpty()) {
            return GatewayResult.declined(null, "This card is no longer on file. Add it again with a card checkout.");
        }
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                            .setAmount(amount)
                            .setCurrency(StripeAmounts.currency(request.amount()))
                            .setCustomer(customer.get())
                            .setPaymentMethod(request.methodToken())
                            .setConfirm(true)
                            .setOffSession(true)
                            .setDescription(request.description())
                            .putMetadata(METADATA_KEY, request.idempotencyKey())
                            .putMetadata(METADATA_FLOW, FLOW_CHARGE)
                            .build(),
                    keyed(request.idempotencyKey()));
            return resultOfCharge(intent);
        } catch (CardException declined) {
            PaymentIntent intent = declined.getStripeError() == null ? null
                    : declined.getStripeError().getPaymentIntent();
            String reference = intent == null ? null : intent.getId();
            if ("authentication_required".equals(declined.getCode()) && reference != null) {
                return needsAuthentication(reference, null);
            }
            if ("authentication_required".equals(declined.getCode())) {
                // Without the PaymentIntent's id there is nothing to confirm later.
                return GatewayResult.pending(null, "Your bank asks you to confirm this payment. Nothing was charged: "
                        + "top up with a card checkout instead, where your bank can show its confirmation step.");
            }
            return GatewayResult.declined(reference, declineReason(declined.getCode(), declined.getDeclineCode()));
        } catch (StripeException e) {
            return unknownOrDeclined(null, e);
        }
    }

    /**
     * Stripe keeps an idempotency key and replays the first response (errors included) until the key is pruned, which
     * may happen once it is 24 hours old (Stripe's "Idempotent requests" reference).
     */
    @Override
    public Duration chargeReplayWindow() {
        return IDEMPOTENCY_WINDOW;
    }

    /**
     * A PaymentIntent we know is read; without one, the very same create is re-sent with the same Idempotency-Key and
     * Stripe answers with the first response. A changed parameter would be refused (IdempotencyException), never
     * charged.
     */
    @Override
    public GatewayResult chargeResult(ChargeRequest request, @Nullable String chargeReference) {
        if (chargeReference == null) {
            return chargeSavedMethod(request);
        }
        try {
            return resultOfCharge(stripe.v1().paymentIntents().retrieve(chargeReference));
        } catch (StripeException e) {
            return unknown(chargeReference, e);
        }
    }

    /**
     * Brings the customer on-session for an off-session charge that needs authentication: the PaymentIntent is read
     * first, and an attempt that already waits on a bank page is reused; otherwise it is confirmed again with the saved
     * card and our return URL, so Stripe answers {@code next_action.type=redirect_to_url}. Confirming never creates a
     * second charge: a PaymentIntent succeeds at most once.
     */
    @Override
    public GatewayResult startCustomerAction(CustomerActionRequest request) {
        PaymentIntent intent;
        try {
            intent = stripe.v1().paymentIntents().retrieve(request.chargeReference());
        } catch (StripeException e) {
            return unknown(request.chargeReference(), e);
        }
        GatewayResult current = resultOfCharge(intent);
        if (current.customerAction() == null || current.customerAction().redirectUrl() != null) {
            return current;
        }
        try {
            PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(request.chargeReference(),
                    PaymentIntentConfirmParams.builder()
                            .setPaymentMethod(request.methodToken())
                            .setReturnUrl(properties.absolute(request.returnPath()))
                            .build(),
                    keyed(request.idempotencyKey()));
            return resultOfCharge(confirmed);
        } catch (CardException declined) {
            return GatewayResult.declined(request.chargeReference(),
                    declineReason(declined.getCode(), declined.getDeclineCode()));
        } catch (StripeException e) {
            // Whatever went wrong, the charge keeps waiting for the customer, who may try again.
            return unknown(request.chargeReference(), e);
        }
    }

    /** {@code GET /v1/payment_intents/{id}}: the charge's state, e.g. when the customer is back from their bank. */
    @Override
    public GatewayResult customerActionResult(String chargeReference) {
        try {
            return resultOfCharge(stripe.v1().paymentIntents().retrieve(chargeReference));
        } catch (StripeException e) {
            return unknown(chargeReference, e);
        }
    }

    /**
     * {@code POST /v1/payment_intents/{id}/cancel} with {@code cancellation_reason=abandoned}: a PaymentIntent that
     * waits for its customer can no longer succeed once canceled. No answer (timeout, reset, 5xx, 429, 409) is UNKNOWN,
     * and the caller tries again later. Any other refusal (4xx) is followed by a read, whose outcome is the answer:
     * e.g. an intent that succeeded meanwhile. When the read also answers 404 {@code resource_missing}, Stripe has no
     * such intent, so nothing was or can be charged through it: DECLINED. When the read is refused too, or the intent
     * still waits although Stripe would not cancel it, another try cannot help: PENDING without an action (DD-048).
     */
    @Override
    public GatewayResult cancelCharge(String idempotencyKey, String chargeReference) {
        try {
            return resultOfCancel(stripe.v1().paymentIntents().cancel(chargeReference,
                    PaymentIntentCancelParams.builder()
                            .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                            .build(),
                    keyed(idempotencyKey)));
        } catch (StripeException e) {
            if (mayPass(e)) {
                return unknown(chargeReference, e);
            }
            log.info("Stripe did not cancel PaymentIntent {}; reading it: {}", chargeReference, describe(e));
        }
        GatewayResult read;
        try {
            read = resultOfCancel(stripe.v1().paymentIntents().retrieve(chargeReference));
        } catch (StripeException e) {
            if (mayPass(e)) {
                return unknown(chargeReference, e);
            }
            if (Integer.valueOf(404).equals(e.getStatusCode()) && "resource_missing".equals(e.getCode())) {
                log.warn("Stripe has no PaymentIntent {} (cancel and read answered 404): {}", chargeReference,
                        describe(e));
                return GatewayResult.declined(chargeReference, NO_SUCH_PAYMENT_INTENT);
            }
            log.warn("Stripe refused to cancel and to read PaymentIntent {}: {}", chargeReference, describe(e));
            return GatewayResult.pending(chargeReference, "Stripe refused to cancel or read this payment.");
        }
        if (read.status() == GatewayResult.Status.PENDING && read.customerAction() != null) {
            log.warn("Stripe refused to cancel PaymentIntent {}, which still waits for its customer", chargeReference);
            return GatewayResult.pending(chargeReference, "Stripe refused to cancel this payment.");
        }
        return read;
    }

    /** A failure that says nothing lasting: another try may pass (DD-043's retry in the next cycle). */
    private static boolean mayPass(StripeException e) {
        Integer status = e.getStatusCode();
        return e instanceof ApiConnectionException || e instanceof IdempotencyException || status == null
                || status >= 500 || status == 429 || status == 409;
    }

    @Override
    public CheckoutSession startSetup(SetupRequest request) {
        try {
            String customer = customers.forPayer(request.payerId(), request.payerName());
            Session session = stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                            .setMode(SessionCreateParams.Mode.SETUP)
                            .setCustomer(customer)
                            .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                            .setSuccessUrl(properties.absolute(request.returnPath()))
                            .setCancelUrl(properties.absolute(request.cancelPath()))
                            .setClientReferenceId(request.idempotencyKey())
                            .putMetadata(METADATA_KEY, request.idempotencyKey())
                            .putMetadata(METADATA_FLOW, FLOW_SETUP)
                            .setSetupIntentData(SessionCreateParams.SetupIntentData.builder()
                                    .putMetadata(METADATA_KEY, request.idempotencyKey())
                                    .putMetadata(METADATA_FLOW, FLOW_SETUP)
                                    .build())
                            .build(),
                    keyed(request.idempotencyKey()));
            return new CheckoutSession(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw new StripeUnavailableException("Stripe could not open a setup page: " + describe(e));
        }
    }

    @Override
    public GatewayResult setupResult(String setupReference) {
        Session session;
        try {
            session = stripe.v1().checkout().sessions().retrieve(setupReference, SessionRetrieveParams.builder()
                    .addExpand("setup_intent")
                    .addExpand("setup_intent.payment_method")
                    .build());
        } catch (StripeException e) {
            return unknown(setupReference, e);
        }
        return resultOfSetupSession(session);
    }

    /**
     * {@code POST /v1/payment_methods/{id}/detach}. A card Stripe no longer has, or no longer attached, is gone
     * already.
     */
    @Override
    public boolean detachMethod(String methodToken) {
        try {
            stripe.v1().paymentMethods().detach(methodToken);
            return true;
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            if (status != null && (status == 404 || "resource_missing".equals(e.getCode())
                    || (status == 400 && e.getMessage() != null && e.getMessage().contains("not attached")))) {
                // The token is not for INFO logs (docs/security.md, item 7); the caller logs our method's id.
                log.info("Stripe had detached the card already: {}", describe(e));
                log.debug("Stripe had detached card {} already", methodToken);
                return true;
            }
            log.warn("Stripe could not detach a card: {}", describe(e));
            log.debug("Stripe could not detach card {}", methodToken);
            return false;
        }
    }

    /** The saved card's token and label, read from Stripe for a webhook that names only its id. */
    GatewayResult.StoredMethod savedMethod(String paymentMethodId) throws StripeException {
        return StripeResults.savedMethod(stripe.v1().paymentMethods().retrieve(paymentMethodId,
                PaymentMethodRetrieveParams.builder().build()));
    }

    /** A refund Billfold starts (DD-071): see {@link StripeRefunds}. */
    @Override
    public RefundAnswer refund(RefundOrder order) {
        return new StripeRefunds(stripe).refund(order);
    }

    @Override
    public RefundAnswer refundResult(String paymentReference, String refundReference) {
        return new StripeRefunds(stripe).refundResult(refundReference);
    }

    private static RequestOptions keyed(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /**
     * Stripe could not be reached to open a page; nothing moved. The message is for logs, not for customers. It carries
     * no cause: the SDK's exception quotes Stripe's own message, which may name our idempotency key or a card's token.
     */
    static final class StripeUnavailableException extends RuntimeException {
        StripeUnavailableException(String message) {
            super(message);
        }
    }
}
