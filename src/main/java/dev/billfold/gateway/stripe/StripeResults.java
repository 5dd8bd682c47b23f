package dev.billfold.gateway.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import com.stripe.model.checkout.Session;
import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayResult;
import java.net.SocketTimeoutException;
import java.time.YearMonth;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's objects and errors in Billfold's terms: pure mapping, no calls. Shared by {@link StripeGateway}, which
 * makes the calls, and the webhook, which gets the same objects pushed; as {@link StripeAmounts} does for amounts.
 */
final class StripeResults {

    static final String AUTHENTICATION_NEEDED = GatewayResult.CustomerAction.BANK_CONFIRMATION_NEEDED;
    static final String AUTHENTICATION_FAILED = "Your bank did not confirm the payment. Nothing was charged.";
    static final String CHECKOUT_AUTHENTICATION = "Your bank asks you to confirm this payment. Finish the "
            + "confirmation on the payment page (or in your banking app); the payment completes when your bank "
            + "confirms it.";

    /** A PaymentIntent Stripe does not know was never charged, and can never be now. */
    static final String NO_SUCH_PAYMENT_INTENT = "Stripe no longer has this payment, so it can no longer be confirmed. "
            + "Nothing was charged.";
    static final String SETUP_EXPIRED = "The page for adding the card expired before a card was added.";

    private static final Logger log = LoggerFactory.getLogger(StripeResults.class);

    private StripeResults() {
    }

    static GatewayResult resultOfPaymentSession(Session session) {
        PaymentIntent intent = session.getPaymentIntentObject();
        String reference = session.getId();
        if ("complete".equals(session.getStatus()) && "paid".equals(session.getPaymentStatus())) {
            Money reported = reportedAmount(session.getAmountTotal(), session.getCurrency());
            GatewayResult.StoredMethod saved = null;
            if (intent != null && intent.getSetupFutureUsage() != null && intent.getPaymentMethodObject() != null) {
                saved = savedMethod(intent.getPaymentMethodObject());
            }
            return new GatewayResult(GatewayResult.Status.SUCCEEDED, reference, reported, null, saved)
                    .paidWithCardFrom(intent == null ? null : cardCountry(intent.getPaymentMethodObject()));
        }
        if ("expired".equals(session.getStatus())) {
            StripeError error = intent == null ? null : intent.getLastPaymentError();
            return error == null
                    ? new GatewayResult(GatewayResult.Status.CANCELLED, reference, null,
                    "The payment page expired before the payment was made.", null)
                    : GatewayResult.declined(reference, declineReason(error.getCode(), error.getDeclineCode()));
        }
        if ("complete".equals(session.getStatus())) {
            return GatewayResult.pending(reference, "Stripe is still processing the payment.");
        }
        return checkoutStillOpen(reference, intent);
    }

    /** An open checkout can still be paid, even after a declined attempt: it is never rejected while open. */
    static GatewayResult checkoutStillOpen(@Nullable String reference, @Nullable PaymentIntent intent) {
        if (intent != null && "requires_action".equals(intent.getStatus())) {
            return GatewayResult.pending(reference, CHECKOUT_AUTHENTICATION);
        }
        if (intent != null && intent.getLastPaymentError() != null) {
            StripeError error = intent.getLastPaymentError();
            return GatewayResult.pending(reference,
                    "The last attempt failed: %s The payment page stays open for another card."
                            .formatted(declineReason(error.getCode(), error.getDeclineCode())));
        }
        return GatewayResult.pending(reference, "You have not finished paying on Stripe's page yet.");
    }

    static GatewayResult setupStillOpen(String reference, @Nullable SetupIntent intent) {
        if (intent != null && "requires_action".equals(intent.getStatus())) {
            return GatewayResult.pending(reference, "Your bank asks you to confirm the card. Finish the confirmation "
                    + "on Stripe's page; the card is saved when your bank confirms it.");
        }
        if (intent != null && intent.getLastSetupError() != null) {
            StripeError error = intent.getLastSetupError();
            return GatewayResult.pending(reference,
                    "The card was not accepted: %s Stripe's page stays open for another card."
                            .formatted(declineReason(error.getCode(), error.getDeclineCode())));
        }
        return GatewayResult.pending(reference, "You have not finished adding the card on Stripe's page yet.");
    }

    static GatewayResult resultOfCharge(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> GatewayResult.succeeded(intent.getId(),
                    reportedAmount(intent.getAmountReceived(), intent.getCurrency()), null)
                    .paidWithCardFrom(cardCountry(intent.getPaymentMethodObject()));
            case "processing" -> GatewayResult.pending(intent.getId(), "Stripe is still processing the payment.");
            case "requires_action", "requires_confirmation" -> needsAuthentication(intent.getId(), redirectUrl(intent));
            case "canceled" -> GatewayResult.declined(intent.getId(), "The payment was cancelled at Stripe.");
            default -> {
                StripeError error = intent.getLastPaymentError();
                if (error != null && ("authentication_required".equals(error.getCode())
                        || "authentication_required".equals(error.getDeclineCode()))) {
                    yield needsAuthentication(intent.getId(), null);
                }
                yield GatewayResult.declined(intent.getId(), error == null ? "Your card was declined."
                        : declineReason(error.getCode(), error.getDeclineCode()));
            }
        };
    }

    /**
     * Waiting for the customer's bank; with the page to send them to once a confirmation with our return URL named it.
     */
    static GatewayResult needsAuthentication(String reference, @Nullable String redirectUrl) {
        return GatewayResult.waitingForCustomer(reference, AUTHENTICATION_NEEDED, redirectUrl == null
                ? GatewayResult.CustomerAction.authenticate()
                : GatewayResult.CustomerAction.authenticateAt(redirectUrl));
    }

    private static @Nullable String redirectUrl(PaymentIntent intent) {
        PaymentIntent.NextAction next = intent.getNextAction();
        if (next == null || !"redirect_to_url".equals(next.getType()) || next.getRedirectToUrl() == null) {
            return null;
        }
        String url = next.getRedirectToUrl().getUrl();
        return url == null || url.isBlank() ? null : url;
    }

    static GatewayResult.StoredMethod savedMethod(PaymentMethod method) {
        PaymentMethod.Card card = method.getCard();
        if (card == null) {
            return new GatewayResult.StoredMethod(method.getId(), "Saved payment method", null);
        }
        YearMonth expires = card.getExpYear() == null || card.getExpMonth() == null ? null
                : YearMonth.of(Math.toIntExact(card.getExpYear()), Math.toIntExact(card.getExpMonth()));
        String label = "%s •••• %s".formatted(brand(card), card.getLast4())
                + (expires == null ? "" : ", %02d/%02d".formatted(expires.getMonthValue(), expires.getYear() % 100));
        return new GatewayResult.StoredMethod(method.getId(), label, expires, card.getCountry(), card.getFingerprint());
    }

    /** The issuing country Stripe reads from the card's number (PaymentMethod {@code card.country}), if a card. */
    static @Nullable String cardCountry(@Nullable PaymentMethod method) {
        return method == null || method.getCard() == null ? null : method.getCard().getCountry();
    }

    /** What Stripe reports, in major units; null when it makes no sense, which holds the payment for clarification. */
    static @Nullable Money reportedAmount(@Nullable Long amount, @Nullable String currency) {
        if (amount == null || currency == null) {
            return null;
        }
        try {
            return StripeAmounts.fromMinor(amount, currency);
        } catch (RuntimeException nonsense) {
            log.warn("Stripe reported an amount that is not money: {} {}", amount, currency);
            return null;
        }
    }

    /** Customer-safe words for Stripe's decline codes. Codes that hint at fraud get the plain decline. */
    static String declineReason(@Nullable String code, @Nullable String declineCode) {
        String reason = declineCode != null ? declineCode : code;
        if (reason == null) {
            return "Your card was declined.";
        }
        return switch (reason) {
            case "insufficient_funds" -> "Your card has insufficient funds.";
            case "expired_card" -> "Your card has expired.";
            case "incorrect_cvc", "invalid_cvc" -> "The card's security code is incorrect.";
            case "incorrect_number", "invalid_number" -> "The card number is incorrect.";
            case "processing_error" -> "The card could not be processed. Nothing was charged; please try again.";
            case "card_velocity_exceeded", "withdrawal_count_limit_exceeded" ->
                    "Your card has reached its spending limit. Try another card.";
            case "authentication_required" -> AUTHENTICATION_NEEDED;
            case "payment_intent_authentication_failure" -> AUTHENTICATION_FAILED;
            default -> "Your card was declined.";
        };
    }

    /**
     * A failed read says nothing about the money: whatever the error (even a 4xx after a key rotation), the outcome
     * stays unknown and the payment keeps waiting.
     */
    static GatewayResult unknown(@Nullable String reference, StripeException e) {
        GatewayResult mapped = unknownOrDeclined(reference, e);
        return mapped.status() == GatewayResult.Status.UNKNOWN ? mapped
                : GatewayResult.unknown(reference,
                        "Stripe could not tell us the outcome yet. We will check the payment again.");
    }

    /**
     * Errors of a charge without a card decision. A timeout, a reset connection, a 5xx or a rate limit leaves the
     * outcome unknown: the money may have moved, so the payment keeps waiting. A 4xx means Stripe refused the request
     * and nothing was charged.
     */
    static GatewayResult unknownOrDeclined(@Nullable String reference, StripeException e) {
        log.warn("Stripe call failed: {}", describe(e));
        if (e instanceof ApiConnectionException) {
            return GatewayResult.unknown(reference, e.getCause() instanceof SocketTimeoutException
                    ? "Stripe did not answer in time. We will check the payment again; do not pay it twice."
                    : "The connection to Stripe was interrupted. We will check the payment again; "
                            + "do not pay it twice.");
        }
        Integer status = e.getStatusCode();
        if (e instanceof IdempotencyException) {
            log.error("Stripe refused an idempotency key reused with other parameters: {}", describe(e));
            return GatewayResult.unknown(reference, "Stripe could not match this payment to the earlier attempt. "
                    + "Support will check it.");
        }
        if (status == null || status >= 500 || status == 429 || status == 409) {
            return GatewayResult.unknown(reference, "Stripe had a temporary problem. We will check the payment again; "
                    + "do not pay it twice.");
        }
        if (status == 404 || "resource_missing".equals(e.getCode())) {
            return GatewayResult.declined(reference,
                    "This card is no longer on file. Add it again with a card checkout.");
        }
        return GatewayResult.declined(reference, "Stripe could not process this payment. Nothing was charged.");
    }

    /**
     * A Stripe error for the logs: its kind, status, code and request id (which finds it in Stripe's Dashboard), and
     * for a connection failure the local cause. Never Stripe's message, which may quote our idempotency key or a token.
     */
    static String describe(StripeException e) {
        String described = "%s status=%s code=%s request=%s".formatted(e.getClass().getSimpleName(), e.getStatusCode(),
                e.getCode(), e.getRequestId());
        return e instanceof ApiConnectionException && e.getCause() != null
                ? described + " cause=" + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage()
                : described;
    }

    private static String brand(PaymentMethod.Card card) {
        String brand = card.getDisplayBrand() != null ? card.getDisplayBrand() : card.getBrand();
        if (brand == null || brand.isBlank()) {
            return "Card";
        }
        return switch (brand.toLowerCase(Locale.ROOT)) {
            case "visa" -> "Visa";
            case "mastercard" -> "Mastercard";
            case "amex", "american_express" -> "American Express";
            case "discover" -> "Discover";
            case "diners" -> "Diners Club";
            case "jcb" -> "JCB";
            case "unionpay" -> "UnionPay";
            case "cartes_bancaires" -> "Cartes Bancaires";
            default -> brand.substring(0, 1).toUpperCase(Locale.ROOT) + brand.substring(1).replace('_', ' ');
        };
    }

    static GatewayResult resultOfCancel(PaymentIntent intent) {
        return "canceled".equals(intent.getStatus())
                ? new GatewayResult(GatewayResult.Status.CANCELLED, intent.getId(), null, null, null)
                : resultOfCharge(intent);
    }

    static GatewayResult resultOfSetupSession(Session session) {
        SetupIntent intent = session.getSetupIntentObject();
        String status = session.getStatus();
        if (intent != null && "succeeded".equals(intent.getStatus())) {
            PaymentMethod method = intent.getPaymentMethodObject();
            if (method == null) {
                return GatewayResult.unknown(session.getId(), "Stripe did not say which card was saved.");
            }
            return new GatewayResult(GatewayResult.Status.SUCCEEDED, session.getId(), null, null, savedMethod(method));
        }
        if ("expired".equals(status)) {
            StripeError error = intent == null ? null : intent.getLastSetupError();
            return error == null
                    ? new GatewayResult(GatewayResult.Status.CANCELLED, session.getId(), null, SETUP_EXPIRED, null)
                    : GatewayResult.declined(session.getId(), declineReason(error.getCode(), error.getDeclineCode()));
        }
        return setupStillOpen(session.getId(), intent);
    }
}
