package dev.billfold.gateway.paypal;

import com.paypal.sdk.PaypalServerSdkClient;
import com.paypal.sdk.exceptions.ApiException;
import com.paypal.sdk.exceptions.ErrorException;
import com.paypal.sdk.models.AmountWithBreakdown;
import com.paypal.sdk.models.CaptureOrderInput;
import com.paypal.sdk.models.CheckoutPaymentIntent;
import com.paypal.sdk.models.CreateOrderInput;
import com.paypal.sdk.models.ErrorDetails;
import com.paypal.sdk.models.GetOrderInput;
import com.paypal.sdk.models.LinkDescription;
import com.paypal.sdk.models.Order;
import com.paypal.sdk.models.OrderRequest;
import com.paypal.sdk.models.OrderStatus;
import com.paypal.sdk.models.OrdersCapture;
import com.paypal.sdk.models.CardResponse;
import com.paypal.sdk.models.PaymentSource;
import com.paypal.sdk.models.PaypalExperienceUserAction;
import com.paypal.sdk.models.PaypalPaymentTokenUsageType;
import com.paypal.sdk.models.PaypalWallet;
import com.paypal.sdk.models.PaypalWalletAttributes;
import com.paypal.sdk.models.PaypalWalletExperienceContext;
import com.paypal.sdk.models.PaypalWalletResponse;
import com.paypal.sdk.models.PaypalWalletVaultInstruction;
import com.paypal.sdk.models.PaypalWalletVaultResponse;
import com.paypal.sdk.models.PaypalWalletVaultStatus;
import com.paypal.sdk.models.PurchaseUnit;
import com.paypal.sdk.models.PurchaseUnitRequest;
import com.paypal.sdk.models.StoreInVaultInstruction;
import dev.billfold.base.Money;
import dev.billfold.gateway.ChargeLookup;
import dev.billfold.gateway.ChargeRequest;
import dev.billfold.gateway.CheckoutRequest;
import dev.billfold.gateway.CheckoutSession;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.MethodFamily;
import dev.billfold.gateway.RefundAnswer;
import dev.billfold.gateway.RefundIssuer;
import dev.billfold.gateway.RefundLookup;
import dev.billfold.gateway.RefundOrder;
import io.apimatic.core.exceptions.AuthValidationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PayPal Orders v2 with intent CAPTURE. Our idempotency key travels as the purchase unit's custom id and invoice id,
 * so every order can be traced back to its payment, and every call that creates or captures money carries a
 * PayPal-Request-Id derived from it: a retry after a timeout replays the same request at PayPal instead of paying
 * twice.
 */
class PayPalGateway implements ChargeLookup, RefundIssuer, RefundLookup {

    static final String ID = "paypal";
    private static final Logger log = LoggerFactory.getLogger(PayPalGateway.class);
    private static final String PREFER_FULL = "return=representation";
    static final String NO_ANSWER = "PayPal did not answer in time. The payment may still go through; we will check "
            + "it again shortly.";
    static final String SERVER_ERROR = "PayPal could not process the request right now. We will check the payment "
            + "again shortly.";
    static final String CONNECTION_FAILED = "The connection to PayPal failed. The payment may still go through; we "
            + "will check it again shortly.";
    static final String FUNDING_DECLINED = "PayPal declined the chosen funding source. Nothing was charged; pay with "
            + "another card or bank in PayPal, or choose another method.";
    static final String REFUSED = "PayPal refused the payment. Nothing was charged.";
    static final String NO_FUNDS = "The PayPal account has insufficient funds. Nothing was charged.";
    static final String EXPIRED = "The PayPal order expired before it was approved. Nothing was charged.";
    static final String AWAITING_APPROVAL = "Waiting for the customer to approve the payment at PayPal.";
    static final String NOT_OURS = "This PayPal order does not belong to a Billfold payment.";
    static final String VAULT_APPROVAL_NEEDED = "PayPal asks you to approve this payment in PayPal first, which cannot "
            + "be done with a saved wallet. Nothing has been charged yet; top up with a PayPal checkout instead.";

    private final PaypalServerSdkClient client;
    private final PayPalProperties properties;
    private final PayPalReversals reversals;

    PayPalGateway(PaypalServerSdkClient client, PayPalProperties properties, PayPalReversals reversals) {
        this.client = client;
        this.properties = properties;
        this.reversals = reversals;
    }

    /** The refunds of an order, as its purchase unit lists them (DD-070). */
    @Override
    public Optional<Reversals> reversalsOf(String orderId) {
        return reversals.reversalsOf(orderId);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "PayPal";
    }

    @Override
    public boolean supports(Currency currency) {
        return PayPalCurrencies.supports(currency);
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) {
        var experience = new PaypalWalletExperienceContext.Builder()
                .brandName(properties.brandName())
                .userAction(PaypalExperienceUserAction.PAY_NOW)
                .returnUrl(absolute(request.returnPath()))
                .cancelUrl(absolute(request.cancelPath()))
                .build();
        var wallet = new PaypalWallet.Builder().experienceContext(experience);
        if (request.saveMethod()) {
            wallet.attributes(new PaypalWalletAttributes.Builder()
                    .vault(new PaypalWalletVaultInstruction.Builder(PaypalPaymentTokenUsageType.MERCHANT)
                            .storeInVault(StoreInVaultInstruction.ON_SUCCESS)
                            .build())
                    .build());
        }
        OrderRequest order = new OrderRequest.Builder(CheckoutPaymentIntent.CAPTURE,
                List.of(purchaseUnit(request.idempotencyKey(), request.amount(), request.description())))
                .paymentSource(new PaymentSource.Builder().paypal(wallet.build()).build())
                .build();
        Order created;
        try {
            created = client.getOrdersController().createOrder(new CreateOrderInput.Builder()
                    .body(order)
                    .paypalRequestId(requestId(request.idempotencyKey(), "create"))
                    .prefer(PREFER_FULL)
                    .build()).getResult();
        } catch (ApiException | IOException | AuthValidationException e) {
            // Nothing is charged before the customer approves, so the caller may reject this payment.
            throw new IllegalStateException("PayPal did not open the order: " + describe(e), e);
        }
        String approve = link(created, "payer-action").or(() -> link(created, "approve"))
                .orElseThrow(() -> new IllegalStateException(
                        "PayPal order %s has no approval link".formatted(created.getId())));
        return new CheckoutSession(created.getId(), approve);
    }

    @Override
    public GatewayResult checkoutResult(String orderId) {
        return switch (readOrder(orderId)) {
            case OrderRead.Found found -> settle(found.order());
            case OrderRead.Failed failed -> failed.result();
        };
    }

    /** PayPal's order as it is now, or the answer that stands for it when it cannot be read. */
    OrderRead readOrder(String orderId) {
        try {
            return new OrderRead.Found(
                    client.getOrdersController().getOrder(new GetOrderInput.Builder(orderId).build()).getResult());
        } catch (ErrorException e) {
            if (e.getResponseCode() == 404) {
                // PayPal forgets orders that were never approved; an order it does not know took no money.
                return new OrderRead.Failed(new GatewayResult(GatewayResult.Status.CANCELLED, orderId, null, EXPIRED,
                        null));
            }
            return new OrderRead.Failed(failure(orderId, e));
        } catch (ApiException | IOException | AuthValidationException e) {
            return new OrderRead.Failed(failure(orderId, e));
        }
    }

    /** What an order means for its payment, an approved one captured first; the answer names the order's key. */
    GatewayResult settle(Order order) {
        return order.getStatus() == OrderStatus.APPROVED ? capture(order) : resultOf(order);
    }

    /** An order read from PayPal, or what stands for it: expired when PayPal no longer knows it, else unknown. */
    sealed interface OrderRead {
        record Found(Order order) implements OrderRead {
        }

        record Failed(GatewayResult result) implements OrderRead {
        }
    }

    @Override
    public GatewayResult chargeSavedMethod(ChargeRequest request) {
        OrderRequest order = new OrderRequest.Builder(CheckoutPaymentIntent.CAPTURE,
                List.of(purchaseUnit(request.idempotencyKey(), request.amount(), request.description())))
                .paymentSource(new PaymentSource.Builder()
                        .paypal(new PaypalWallet.Builder().vaultId(request.methodToken()).build())
                        .build())
                .build();
        Order created;
        try {
            created = client.getOrdersController().createOrder(new CreateOrderInput.Builder()
                    .body(order)
                    .paypalRequestId(requestId(request.idempotencyKey(), "charge"))
                    .prefer(PREFER_FULL)
                    .build()).getResult();
        } catch (ApiException | IOException | AuthValidationException e) {
            return vaulted(failure(null, e));
        }
        // With a vaulted wallet PayPal usually completes the order at once; an approved one still needs its capture.
        return vaulted(created.getStatus() == OrderStatus.APPROVED ? capture(created) : resultOf(created));
    }

    /**
     * A vaulted charge that PayPal wants the payer to approve stays waiting, and says so in words that fit a saved
     * wallet. No customer action is offered for it (DD-038): the order was created without a return URL.
     */
    private static GatewayResult vaulted(GatewayResult result) {
        return result.status() == GatewayResult.Status.PENDING && AWAITING_APPROVAL.equals(result.reason())
                ? GatewayResult.pending(result.reference(), VAULT_APPROVAL_NEEDED).forKey(result.idempotencyKey())
                : result;
    }

    /**
     * PayPal replays a PayPal-Request-Id's first answer for as long as it keeps the id: 6 hours by default (the Orders
     * v2 reference for create and capture), longer only by arrangement with PayPal.
     */
    @Override
    public Duration chargeReplayWindow() {
        return properties.requestIdRetention();
    }

    /**
     * An order we know is read (and captured if approved, with the same capture request id): reading never pays twice.
     * Without an order id the same create is re-sent with the same {@code <key>:charge} request id.
     */
    @Override
    public GatewayResult chargeResult(ChargeRequest request, @Nullable String chargeReference) {
        return chargeReference == null ? chargeSavedMethod(request) : checkoutResult(chargeReference);
    }

    /**
     * Captures an approved order. The request id comes from our key on the order, so every retry is the same request.
     */
    GatewayResult capture(Order order) {
        String key = customId(order).orElse(null);
        if (key == null) {
            log.warn("PayPal order {} carries no custom id; not capturing an order that is not ours", order.getId());
            return GatewayResult.unknown(order.getId(), NOT_OURS);
        }
        try {
            Order captured = client.getOrdersController().captureOrder(new CaptureOrderInput.Builder()
                    .id(order.getId())
                    .paypalRequestId(requestId(key, "capture"))
                    .prefer(PREFER_FULL)
                    .build()).getResult();
            return stateOf(captured).forKey(key);
        } catch (ErrorException e) {
            if (hasIssue(e, "ORDER_ALREADY_CAPTURED")) {
                // Captured by an earlier call whose answer we lost: read the order, never capture again.
                try {
                    return stateOf(client.getOrdersController()
                            .getOrder(new GetOrderInput.Builder(order.getId()).build()).getResult()).forKey(key);
                } catch (ApiException | IOException | AuthValidationException again) {
                    return failure(order.getId(), again).forKey(key);
                }
            }
            return failure(order.getId(), e).forKey(key);
        } catch (ApiException | IOException | AuthValidationException e) {
            return failure(order.getId(), e).forKey(key);
        }
    }

    /**
     * The order's state, naming the key it carries, so that it settles only the payment with that key. An order
     * without our key is not ours, whatever its state.
     */
    private GatewayResult resultOf(Order order) {
        String key = customId(order).orElse(null);
        if (key == null) {
            log.warn("PayPal order {} carries no custom id; it settles no payment", order.getId());
            return GatewayResult.unknown(order.getId(), NOT_OURS);
        }
        return stateOf(order).forKey(key);
    }

    private GatewayResult stateOf(Order order) {
        String id = order.getId();
        if (order.getStatus() == null) {
            return GatewayResult.unknown(id, "PayPal reported no order status.");
        }
        return switch (order.getStatus()) {
            case CREATED, SAVED, PAYER_ACTION_REQUIRED -> GatewayResult.pending(id, AWAITING_APPROVAL);
            case APPROVED -> GatewayResult.pending(id, "Approved at PayPal; the payment is being captured.");
            case VOIDED -> GatewayResult.cancelled(id);
            case COMPLETED -> captureResult(order);
            default -> GatewayResult.unknown(id, "PayPal reported an unexpected order state.");
        };
    }

    private GatewayResult captureResult(Order order) {
        String id = order.getId();
        OrdersCapture capture = firstUnit(order)
                .map(PurchaseUnit::getPayments)
                .map(p -> p.getCaptures())
                .filter(c -> !c.isEmpty())
                .map(List::getFirst)
                .orElse(null);
        if (capture == null || capture.getStatus() == null) {
            return GatewayResult.unknown(id, "PayPal reported a completed order without a capture.");
        }
        return switch (capture.getStatus()) {
            case COMPLETED -> succeeded(id, capture.getAmount(), savedMethod(order))
                    .paidWithCardFrom(cardCountry(order));
            case PENDING -> GatewayResult.pending(id, pendingReason(capture));
            case DECLINED, FAILED -> GatewayResult.declined(id, REFUSED);
            default -> GatewayResult.unknown(id, "PayPal reports this payment as "
                    + capture.getStatus().value().toLowerCase().replace('_', ' ') + "; support will clarify it.");
        };
    }

    /** The amount PayPal says it captured, as it said it; the settlement compares it with ours. */
    static GatewayResult succeeded(String reference, com.paypal.sdk.models.@Nullable Money amount,
                                   GatewayResult.@Nullable StoredMethod saved) {
        Money reported = null;
        if (amount != null) {
            try {
                reported = Money.of(new BigDecimal(amount.getValue()), Currency.getInstance(amount.getCurrencyCode()));
            } catch (RuntimeException unreadable) {
                log.warn("PayPal reported an unreadable amount {} {}", amount.getValue(), amount.getCurrencyCode());
            }
        }
        return new GatewayResult(GatewayResult.Status.SUCCEEDED, reference, reported, null, saved);
    }

    static String pendingReason(OrdersCapture capture) {
        if (capture.getStatusDetails() == null || capture.getStatusDetails().getReason() == null) {
            return "PayPal is still processing the payment.";
        }
        return switch (capture.getStatusDetails().getReason()) {
            case ECHECK -> "PayPal is waiting for the eCheck to clear.";
            case PENDING_REVIEW -> "PayPal is reviewing the payment.";
            case RECEIVING_PREFERENCE_MANDATES_MANUAL_ACTION, UNILATERAL, VERIFICATION_REQUIRED ->
                    "The payment waits for the merchant's PayPal account to accept it.";
            case TRANSACTION_APPROVED_AWAITING_FUNDING -> "PayPal is waiting for the funding of the payment.";
            default -> "PayPal is still processing the payment.";
        };
    }

    /** A PayPal payment is the wallet's, whatever funds it (DD-091). */
    @Override
    public MethodFamily family() {
        return MethodFamily.WALLET;
    }

    /** {@code DELETE /v3/vault/payment-tokens/{id}}. A token PayPal no longer knows (404) is gone already. */
    @Override
    public boolean detachMethod(String methodToken) {
        try {
            client.getVaultController().deletePaymentToken(methodToken);
            return true;
        } catch (ApiException | IOException | RuntimeException e) {
            // The token is not for INFO logs (docs/security.md, item 7); the caller logs our method's id.
            if (e instanceof ApiException api && api.getResponseCode() == 404) {
                log.info("PayPal had deleted the vault token already");
                log.debug("PayPal had deleted vault token {} already", methodToken);
                return true;
            }
            log.warn("PayPal could not delete a vault token: {}", describe(e));
            log.debug("PayPal could not delete vault token {}", methodToken);
            return false;
        }
    }

    /**
     * A card paid on PayPal's page (guest checkout) names its BIN's country; a PayPal wallet payment names none, so
     * the card-country rules cannot check it (DD-090).
     */
    private static @Nullable String cardCountry(Order order) {
        CardResponse card = order.getPaymentSource() == null ? null : order.getPaymentSource().getCard();
        return card == null || card.getBinDetails() == null ? null : card.getBinDetails().getBinCountryCode();
    }

    private static GatewayResult.@Nullable StoredMethod savedMethod(Order order) {
        PaypalWalletResponse wallet = order.getPaymentSource() == null ? null : order.getPaymentSource().getPaypal();
        PaypalWalletVaultResponse vault = wallet == null || wallet.getAttributes() == null ? null
                : wallet.getAttributes().getVault();
        if (vault == null || vault.getId() == null || vault.getStatus() != PaypalWalletVaultStatus.VAULTED) {
            return null;
        }
        return new GatewayResult.StoredMethod(vault.getId(), label(wallet.getEmailAddress()), null);
    }

    static String label(@Nullable String email) {
        if (email == null || email.indexOf('@') < 1) {
            return "PayPal";
        }
        int at = email.indexOf('@');
        return "PayPal · " + email.charAt(0) + "•••" + email.substring(at);
    }

    /**
     * Provider failures become a state and a clear message, never PayPal's text: a decline is a decline, anything we
     * cannot be sure about (timeout, 5xx, reset, an error we do not know) is UNKNOWN, so the payment keeps waiting.
     */
    static GatewayResult failure(@Nullable String reference, Exception e) {
        log.warn("PayPal call for {} failed: {}", reference, describe(e));
        if (e instanceof ErrorException error && error.getResponseCode() >= 400 && error.getResponseCode() < 500) {
            if (hasIssue(error, "INSTRUMENT_DECLINED")) {
                return GatewayResult.declined(reference, FUNDING_DECLINED);
            }
            if (hasIssue(error, "INSUFFICIENT_FUNDS")) {
                return GatewayResult.declined(reference, NO_FUNDS);
            }
            if (hasIssue(error, "TRANSACTION_REFUSED") || hasIssue(error, "PAYER_CANNOT_PAY")
                    || hasIssue(error, "PAYEE_BLOCKED_TRANSACTION") || hasIssue(error, "COMPLIANCE_VIOLATION")
                    || hasIssue(error, "MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED")) {
                return GatewayResult.declined(reference, REFUSED);
            }
            if (hasIssue(error, "PAYER_ACTION_REQUIRED") || hasIssue(error, "ORDER_NOT_APPROVED")) {
                return GatewayResult.pending(reference, AWAITING_APPROVAL);
            }
        }
        if (e instanceof AuthValidationException) {
            // The SDK could not get an access token: PayPal unreachable or our credentials refused.
            return GatewayResult.unknown(reference, SERVER_ERROR);
        }
        if (e instanceof InterruptedIOException) {
            return GatewayResult.unknown(reference, NO_ANSWER);
        }
        if (e instanceof IOException) {
            return GatewayResult.unknown(reference, CONNECTION_FAILED);
        }
        return GatewayResult.unknown(reference, SERVER_ERROR);
    }

    private static boolean hasIssue(ErrorException error, String issue) {
        List<ErrorDetails> details = error.getDetails();
        return issue.equals(error.getName())
                || (details != null && details.stream().anyMatch(d -> issue.equals(d.getIssue())));
    }

    private static String describe(Exception e) {
        if (e instanceof AuthValidationException auth) {
            return "no access token: " + auth.getMessage();
        }
        if (e instanceof ErrorException error) {
            return "HTTP %d %s (debug id %s)".formatted(error.getResponseCode(), error.getName(), error.getDebugId());
        }
        if (e instanceof ApiException api) {
            return "HTTP " + api.getResponseCode();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private PurchaseUnitRequest purchaseUnit(String idempotencyKey, Money amount, String description) {
        return new PurchaseUnitRequest.Builder(new AmountWithBreakdown.Builder(amount.currencyCode(),
                PayPalCurrencies.value(amount.value(), amount.currency())).build())
                .customId(idempotencyKey)
                .invoiceId(idempotencyKey)
                .description(description.length() > 127 ? description.substring(0, 127) : description)
                .build();
    }

    /** PayPal-Request-Id for one kind of call of one payment: the same payment and call always get the same id. */
    static String requestId(String idempotencyKey, String call) {
        return idempotencyKey + ":" + call;
    }

    static Optional<String> customId(Order order) {
        return firstUnit(order).map(PurchaseUnit::getCustomId).filter(s -> !s.isBlank());
    }

    private static Optional<PurchaseUnit> firstUnit(Order order) {
        return order.getPurchaseUnits() == null || order.getPurchaseUnits().isEmpty()
                ? Optional.empty() : Optional.ofNullable(order.getPurchaseUnits().getFirst());
    }

    private static Optional<String> link(Order order, String rel) {
        return order.getLinks() == null ? Optional.empty() : order.getLinks().stream()
                .filter(l -> rel.equals(l.getRel())).map(LinkDescription::getHref).findFirst();
    }

    /** A refund Billfold starts (DD-071): see {@link PayPalRefunds}. */
    @Override
    public RefundAnswer refund(RefundOrder order) {
        return new PayPalRefunds(client).refund(order);
    }

    @Override
    public RefundAnswer refundResult(String paymentReference, String refundReference) {
        return new PayPalRefunds(client).refundResult(refundReference);
    }

    private String absolute(String ownPath) {
        String base = properties.publicUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + ownPath;
    }
}
