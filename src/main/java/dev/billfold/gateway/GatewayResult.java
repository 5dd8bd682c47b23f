package dev.billfold.gateway;

import dev.billfold.base.Money;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * What a provider says about a payment.
 *
 * @param reference      the provider's id of the checkout or charge, when it has one
 * @param reportedAmount the amount the provider says it took; compared with ours before anything is credited
 * @param reason         a short, customer-safe reason for a decline or a pending state
 * @param storedMethod    the method the provider stored for later charges, if the customer asked to save it
 * @param customerAction what the customer must do before the provider can decide (only with PENDING), if anything
 * @param idempotencyKey the payment key the provider's order carries (PayPal's custom id), when the provider names it:
 *                       a result that names another payment's key changes nothing (docs/security.md, item 4)
 * @param cardCountry    the issuing country (ISO 3166 alpha-2) of the card that paid, when the provider names one; the
 *                       card-country rules refuse some (DD-090)
 */
public record GatewayResult(
        Status status,
        @Nullable String reference,
        @Nullable Money reportedAmount,
        @Nullable String reason,
        @Nullable StoredMethod storedMethod,
        @Nullable CustomerAction customerAction,
        @Nullable String idempotencyKey,
        @Nullable String cardCountry) {

    public GatewayResult {
        if (customerAction != null && status != Status.PENDING) {
            throw new IllegalArgumentException("Only a pending result can wait for the customer");
        }
    }

    /** A result that names no card country. */
    public GatewayResult(Status status, @Nullable String reference, @Nullable Money reportedAmount,
                         @Nullable String reason, @Nullable StoredMethod storedMethod,
                         @Nullable CustomerAction customerAction, @Nullable String idempotencyKey) {
        this(status, reference, reportedAmount, reason, storedMethod, customerAction, idempotencyKey, null);
    }

    /** A result that names no payment key. */
    public GatewayResult(Status status, @Nullable String reference, @Nullable Money reportedAmount,
                         @Nullable String reason, @Nullable StoredMethod storedMethod,
                         @Nullable CustomerAction customerAction) {
        this(status, reference, reportedAmount, reason, storedMethod, customerAction, null);
    }

    /** A result that needs nothing from the customer. */
    public GatewayResult(Status status, @Nullable String reference, @Nullable Money reportedAmount,
                         @Nullable String reason, @Nullable StoredMethod storedMethod) {
        this(status, reference, reportedAmount, reason, storedMethod, null, null);
    }

    /** This result as about the order that carries {@code key}, the payment key the provider echoed back. */
    public GatewayResult forKey(@Nullable String key) {
        return new GatewayResult(status, reference, reportedAmount, reason, storedMethod, customerAction, key,
                cardCountry);
    }

    /** This result with the issuing country of the card that paid, as the provider named it. */
    public GatewayResult paidWithCardFrom(@Nullable String country) {
        return new GatewayResult(status, reference, reportedAmount, reason, storedMethod, customerAction,
                idempotencyKey, country);
    }

    /** False when the provider names a payment key and it is not {@code paymentKey}: the news is not this payment's. */
    public boolean isFor(String paymentKey) {
        return idempotencyKey == null || idempotencyKey.equals(paymentKey);
    }

    public enum Status {
        /** The money was taken. */
        SUCCEEDED,
        /** The provider has not decided yet (customer still paying, authentication needed, settlement pending). */
        PENDING,
        /** The provider or the bank declined. */
        DECLINED,
        /** The customer left the checkout. */
        CANCELLED,
        /** We could not find out: timeout, 5xx, connection reset. The money may have moved; ask again later. */
        UNKNOWN
    }

    public static GatewayResult succeeded(String reference, Money amount, @Nullable StoredMethod storedMethod) {
        return new GatewayResult(Status.SUCCEEDED, reference, amount, null, storedMethod);
    }

    public static GatewayResult pending(@Nullable String reference, String reason) {
        return new GatewayResult(Status.PENDING, reference, null, reason, null);
    }

    /** Pending until the customer does {@code action}, e.g. confirms an off-session charge with their bank. */
    public static GatewayResult waitingForCustomer(String reference, String reason, CustomerAction action) {
        return new GatewayResult(Status.PENDING, reference, null, reason, null, action);
    }

    public static GatewayResult declined(@Nullable String reference, String reason) {
        return new GatewayResult(Status.DECLINED, reference, null, reason, null);
    }

    public static GatewayResult cancelled(@Nullable String reference) {
        return new GatewayResult(Status.CANCELLED, reference, null, "Cancelled on the payment page", null);
    }

    public static GatewayResult unknown(@Nullable String reference, String reason) {
        return new GatewayResult(Status.UNKNOWN, reference, null, reason, null);
    }

    /**
     * A method the provider saved: its token (never card data), a label, the card's expiry if it has one, the country
     * that issued the card when the provider names it (DD-090), and the provider's fingerprint of the card, the same
     * for every copy of one card number saved with it (DD-100).
     */
    public record StoredMethod(String token, String label, @Nullable YearMonth expires, @Nullable String country,
                               @Nullable String fingerprint) {

        public StoredMethod(String token, String label, @Nullable YearMonth expires) {
            this(token, label, expires, null, null);
        }
    }

    /**
     * Something only the customer can do, on-session, before the provider decides about a charge. Without a URL it
     * only says that the action is needed; {@link PaymentGateway#startCustomerAction} answers with the URL to send the
     * customer to.
     */
    public record CustomerAction(Kind kind, @Nullable String redirectUrl) {

        /** What the customer sees while a charge waits for them. */
        public static final String BANK_CONFIRMATION_NEEDED = "Your bank asks you to confirm this payment. Nothing has "
                + "been charged yet: choose \u201cConfirm with your bank\u201d to finish it.";

        public enum Kind {
            /** Authenticate with the card issuer (3-D Secure). */
            AUTHENTICATE
        }

        public static CustomerAction authenticate() {
            return new CustomerAction(Kind.AUTHENTICATE, null);
        }

        public static CustomerAction authenticateAt(String redirectUrl) {
            return new CustomerAction(Kind.AUTHENTICATE, redirectUrl);
        }
    }
}
