package dev.billfold.gateway.demo;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
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
import dev.billfold.gateway.PhonePayments;
import dev.billfold.gateway.PhonePushRequest;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundAnswer;
import dev.billfold.gateway.RefundIssuer;
import dev.billfold.gateway.RefundLookup;
import dev.billfold.gateway.RefundOrder;
import dev.billfold.gateway.SetupRequest;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The embedded default provider behind the gateway interface: a thin adapter over {@link DemoProvider}, which plays
 * the provider's side for real (its own checkouts, cards and charges, a hosted page, a redirect back, truthful
 * answers when asked). Like the Stripe and PayPal adapters, it only translates requests and maps answers.
 */
@Component
@ConditionalOnProvider(DemoGatewayProperties.SWITCH)
class DemoGateway implements ChargeLookup, CustomerActions, ChargeCancellation, MethodSetup, RefundIssuer,
        RefundLookup, PhonePayments {

    static final Currency KES = Currency.getInstance("KES");

    static final String ID = "demo";
    private static final String UNKNOWN_CHARGE = "The provider does not know this charge.";

    private final DemoProvider provider;

    DemoGateway(DemoProvider provider) {
        this.provider = provider;
    }

    /** The provider's own side, which the hosted pages (and tests playing the customer) act on. */
    DemoProvider provider() {
        return provider;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Card (demo checkout)";
    }

    /**
     * The refunds and disputes the demo provider has for a checkout or charge. It sends no webhooks, so the poller
     * learns them this way (DD-070).
     */
    @Override
    public Optional<Reversals> reversalsOf(String paymentReference) {
        var paid = provider.findPaid(paymentReference).orElse(null);
        if (paid == null) {
            return Optional.of(Reversals.none());
        }
        var refunds = provider.refundsOf(paymentReference).stream().map(r -> new ProviderRefund(paid.paymentKey(),
                paymentReference, r.id(), r.amount(), switch (r.status()) {
                    case "SUCCEEDED" -> ProviderRefund.State.SUCCEEDED;
                    case "FAILED" -> ProviderRefund.State.FAILED;
                    default -> ProviderRefund.State.PENDING;
                }, r.status().equals("FAILED") ? "The demo provider could not complete the refund." : null,
                r.initiatedKey())).toList();
        var disputes = provider.disputesOf(paymentReference).stream().map(d -> new ProviderDispute(paid.paymentKey(),
                paymentReference, d.id(), d.amount(), switch (d.status()) {
                    case "WON" -> ProviderDispute.State.WON;
                    case "LOST" -> ProviderDispute.State.LOST;
                    default -> ProviderDispute.State.OPEN;
                }, d.status().toLowerCase(Locale.ROOT), "Disputed by the cardholder")).toList();
        return Optional.of(new Reversals(refunds, disputes));
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) {
        String id = provider.createCheckout(request.idempotencyKey(), request.payerName(), request.description(),
                request.amount(), request.returnPath(), request.cancelPath(), request.saveMethod());
        return new CheckoutSession(id, DemoCheckoutController.BASE_PATH + "/" + id);
    }

    /** M-Pesa for KES accounts, played by a page that stands for the customer's phone (DD-088). */
    @Override
    public String phoneMethodName() {
        return "M-Pesa (demo phone)";
    }

    @Override
    public boolean takesPhonePayments(Currency currency) {
        return KES.equals(currency);
    }

    @Override
    public String checkoutLabel(@Nullable String checkoutReference) {
        return checkoutReference != null && checkoutReference.startsWith(DemoProvider.PHONE_PUSH_PREFIX)
                ? phoneMethodName() : displayName();
    }

    /** The demo also has its card checkout. */
    @Override
    public boolean offersHostedCheckout() {
        return true;
    }

    /** Whole shillings, as M-Pesa takes them; the range is the account currency's top-up limits. */
    @Override
    public void checkAmount(Money amount) {
        if (amount.value().stripTrailingZeros().scale() > 0) {
            throw new InvalidRequestException("amount", "M-Pesa takes whole shillings only.");
        }
    }

    @Override
    public @Nullable Money dailyMaximum(Currency currency) {
        return null;
    }

    /** A checkout without a page: the demo phone answers it. The same key answers the same push, never a new one. */
    @Override
    public PhonePush pushToPhone(PhonePushRequest request) {
        checkAmount(request.amount());
        String id = provider.createPhonePush(request.idempotencyKey(), "M-Pesa " + request.phone().masked(),
                request.description(), request.amount(), request.returnPath());
        return new PhonePush(GatewayResult.pending(id, CHECK_YOUR_PHONE), DemoPhoneController.BASE_PATH + "/" + id);
    }

    @Override
    public GatewayResult checkoutResult(String checkoutReference) {
        return provider.findCheckout(checkoutReference)
                .map(this::resultOf)
                .orElseGet(() -> GatewayResult.unknown(checkoutReference, "The provider does not know this checkout."));
    }

    @Override
    public GatewayResult chargeSavedMethod(ChargeRequest request) {
        return resultOf(provider.charge(request.idempotencyKey(), request.methodToken(), request.amount()));
    }

    /**
     * The demo provider keeps every charge with its key, so a repeated request is always a replay; ten years stands for
     * ever.
     */
    @Override
    public Duration chargeReplayWindow() {
        return Duration.ofDays(3650);
    }

    @Override
    public GatewayResult chargeResult(ChargeRequest request, @Nullable String chargeReference) {
        if (chargeReference == null) {
            return chargeSavedMethod(request);
        }
        return customerActionResult(chargeReference);
    }

    /**
     * A charge of the "needs authentication" card waits for its cardholder: the demo bank's page confirms or fails it,
     * then sends the customer to {@code returnPath}. A charge already decided just answers its outcome.
     */
    @Override
    public GatewayResult startCustomerAction(CustomerActionRequest request) {
        DemoProvider.ChargeRow charge = provider.findCharge(request.chargeReference()).orElse(null);
        if (charge == null) {
            return GatewayResult.unknown(request.chargeReference(), UNKNOWN_CHARGE);
        }
        if (!charge.waitsForCardholder()) {
            return resultOf(charge);
        }
        provider.setChargeReturnPath(charge.id(), request.returnPath());
        return GatewayResult.waitingForCustomer(charge.id(), GatewayResult.CustomerAction.BANK_CONFIRMATION_NEEDED,
                GatewayResult.CustomerAction.authenticateAt(
                        DemoAuthenticationController.BASE_PATH + "/" + charge.id()));
    }

    @Override
    public GatewayResult customerActionResult(String chargeReference) {
        return provider.findCharge(chargeReference).map(this::resultOf)
                .orElseGet(() -> GatewayResult.unknown(chargeReference, UNKNOWN_CHARGE));
    }

    /**
     * Cancels a charge still waiting for its cardholder, after which the demo bank's page can no longer confirm it; a
     * charge already decided just answers its outcome. Cancelling twice is one cancel, so the key needs no record.
     */
    @Override
    public GatewayResult cancelCharge(String idempotencyKey, String chargeReference) {
        provider.cancelCharge(chargeReference);
        return customerActionResult(chargeReference);
    }

    @Override
    public CheckoutSession startSetup(SetupRequest request) {
        String id = provider.createSetup(request.idempotencyKey(), request.payerName(), request.returnPath(),
                request.cancelPath());
        return new CheckoutSession(id, DemoSetupController.BASE_PATH + "/" + id);
    }

    @Override
    public GatewayResult setupResult(String setupReference) {
        DemoProvider.SetupRow setup = provider.findSetup(setupReference).orElse(null);
        if (setup == null) {
            return GatewayResult.unknown(setupReference, "The provider does not know this setup.");
        }
        return switch (setup.status()) {
            case "OPEN" -> GatewayResult.pending(setup.id(),
                    "You have not finished adding the card on the provider's page yet.");
            case "LEFT_PENDING" -> GatewayResult.pending(setup.id(), "The card issuer has not confirmed the card yet.");
            case "SAVED" -> new GatewayResult(GatewayResult.Status.SUCCEEDED, setup.id(), null, null,
                    savedMethod(Objects.requireNonNull(setup.cardToken())));
            case "DECLINED" -> GatewayResult.declined(setup.id(),
                    setup.declineReason() == null ? "The card was not accepted." : setup.declineReason());
            case "CANCELLED" -> new GatewayResult(GatewayResult.Status.CANCELLED, setup.id(), null,
                    "The card was not added: you left the provider's page.", null);
            default -> GatewayResult.unknown(setup.id(), "Unexpected setup state " + setup.status());
        };
    }

    /** Detaches a card the merchant removed; one that is unknown or already detached is gone just the same. */
    @Override
    public boolean detachMethod(String methodToken) {
        provider.detachCard(methodToken);
        return true;
    }

    /** A refund Billfold starts (DD-071): see {@link DemoRefunds}. */
    @Override
    public RefundAnswer refund(RefundOrder order) {
        return new DemoRefunds(provider).refund(order);
    }

    @Override
    public RefundAnswer refundResult(String paymentReference, String refundReference) {
        return new DemoRefunds(provider).refundResult(paymentReference, refundReference);
    }

    private GatewayResult resultOf(DemoProvider.CheckoutRow checkout) {
        return switch (checkout.status()) {
            case "OPEN" -> GatewayResult.pending(checkout.id(), "The customer has not finished paying yet.");
            case "LEFT_PENDING" -> GatewayResult.pending(checkout.id(),
                    "The provider is still processing the payment.");
            case "PAID" -> GatewayResult.succeeded(checkout.id(), checkout.amount(),
                    checkout.saveCard() && checkout.cardToken() != null ? savedMethod(checkout.cardToken()) : null)
                    .paidWithCardFrom(checkout.cardToken() == null ? null : cardCountry(checkout.cardToken()));
            case "DECLINED" -> GatewayResult.declined(checkout.id(),
                    checkout.declineReason() == null ? "Declined by the provider." : checkout.declineReason());
            case "CANCELLED" -> GatewayResult.cancelled(checkout.id());
            default -> GatewayResult.unknown(checkout.id(), "Unexpected checkout state " + checkout.status());
        };
    }

    private GatewayResult resultOf(DemoProvider.ChargeRow charge) {
        String reason = charge.declineReason();
        Money amount = charge.amount();
        return switch (charge.status()) {
            case "SUCCEEDED" -> GatewayResult.succeeded(charge.id(), amount, null);
            // The only pending demo charges are those of the "needs authentication" card.
            case "PENDING" -> GatewayResult.waitingForCustomer(charge.id(),
                    GatewayResult.CustomerAction.BANK_CONFIRMATION_NEEDED, GatewayResult.CustomerAction.authenticate());
            case "CANCELLED" -> new GatewayResult(GatewayResult.Status.CANCELLED, charge.id(), null,
                    reason == null ? DemoProvider.CANCELLED_CHARGE : reason, null);
            default -> GatewayResult.declined(charge.id(), reason == null ? "Declined by the provider." : reason);
        };
    }

    private GatewayResult.StoredMethod savedMethod(String token) {
        DemoProvider.CardRow card = provider.findCard(token).orElseThrow();
        YearMonth expires = YearMonth.of(card.expYear(), card.expMonth());
        String label = "%s •••• %s, %02d/%02d".formatted(card.brand(), card.last4(), expires.getMonthValue(),
                expires.getYear() % 100);
        // The demo keeps a card's brand and last digits only; they name one of its test cards.
        return new GatewayResult.StoredMethod(token, label, expires, cardCountry(token),
                "demo:" + card.brand() + ":" + card.last4());
    }

    /** The demo's cards are its test cards, so the issuing country is the test card's. */
    private @Nullable String cardCountry(String token) {
        return provider.findCard(token).flatMap(card -> DemoCard.byLast4(card.last4())).map(DemoCard::country)
                .orElse(null);
    }
}
