package dev.billfold.gateway.demo;

import dev.billfold.base.Money;
import dev.billfold.gateway.ChargeCancellation;
import dev.billfold.gateway.ChargeLookup;
import dev.billfold.gateway.CustomerActions;
import dev.billfold.gateway.MethodSetup;
import dev.billfold.gateway.ChargeRequest;
import dev.billfold.gateway.CheckoutRequest;
import dev.billfold.gateway.CheckoutSession;
import dev.billfold.gateway.CustomerActionRequest;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.SetupRequest;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded default provider. It plays the provider's side for real: it keeps its own checkouts, cards and
 * charges, serves a hosted checkout page, redirects back, and answers truthfully when asked about an outcome.
 */
@Component
@ConditionalOnProperty(name = "billfold.gateway.demo.enabled", havingValue = "true")
class DemoGateway implements ChargeLookup, CustomerActions, ChargeCancellation, MethodSetup {

    static final String ID = "demo";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String CANCELLED_CHARGE = "The payment was cancelled before your bank confirmed it. Nothing was charged.";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DemoGatewayProperties properties;

    DemoGateway(JdbcClient jdbc, Clock clock, DemoGatewayProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Card (demo checkout)";
    }

    @Override
    @Transactional
    public CheckoutSession startCheckout(CheckoutRequest request) {
        Optional<String> existing = jdbc.sql("select id from demo_checkout where idempotency_key = ?")
                .param(request.idempotencyKey()).query(String.class).optional();
        if (existing.isPresent()) {
            return session(existing.get());
        }
        String id = "cs_demo_" + randomToken();
        jdbc.sql("""
                        insert into demo_checkout (id, merchant, payer_name, description, amount_value, amount_currency,
                          return_path, cancel_path, save_card, idempotency_key, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, properties.merchantName(), request.payerName(), request.description(),
                        request.amount().value(), request.amount().currencyCode(), request.returnPath(),
                        request.cancelPath(), request.saveMethod(), request.idempotencyKey(), now())
                .update();
        return session(id);
    }

    @Override
    @Transactional(readOnly = true)
    public GatewayResult checkoutResult(String checkoutReference) {
        return findCheckout(checkoutReference)
                .map(this::resultOf)
                .orElseGet(() -> GatewayResult.unknown(checkoutReference, "The provider does not know this checkout."));
    }

    @Override
    @Transactional
    public GatewayResult chargeSavedMethod(ChargeRequest request) {
        Optional<GatewayResult> replay = chargeByIdempotencyKey(request);
        if (replay.isPresent()) {
            return replay.get();
        }
        String chargeId = "ch_demo_" + randomToken();
        CardRow card = jdbc.sql("select token, brand, last4, exp_month, exp_year, detached from demo_card where token = ?")
                .param(request.methodToken()).query(CardRow.class).optional().orElse(null);
        String status;
        String reason = null;
        if (card == null || card.detached()) {
            status = "DECLINED";
            reason = "This card is no longer on file.";
        } else {
            DemoCard test = DemoCard.byLast4(card.last4()).orElse(DemoCard.VISA_OK);
            switch (test.behaviour()) {
                case SUCCEED -> status = "SUCCEEDED";
                case NEEDS_AUTHENTICATION -> {
                    status = "PENDING";
                    reason = test.reason();
                }
                default -> {
                    status = "DECLINED";
                    reason = test.reason();
                }
            }
        }
        try {
            jdbc.sql("""
                            insert into demo_charge (id, idempotency_key, card_token, amount_value, amount_currency, status,
                              decline_reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(chargeId, request.idempotencyKey(), request.methodToken(), request.amount().value(),
                            request.amount().currencyCode(), status, reason, now())
                    .update();
        } catch (DuplicateKeyException raced) {
            return chargeByIdempotencyKey(request).orElseThrow();
        }
        return chargeResult(chargeId, status, request.amount(), reason);
    }

    /** The demo provider keeps every charge with its key, so a repeated request is always a replay; ten years stands for ever. */
    @Override
    public Duration chargeReplayWindow() {
        return Duration.ofDays(3650);
    }

    @Override
    @Transactional
    public GatewayResult chargeResult(ChargeRequest request, @Nullable String chargeReference) {
        if (chargeReference == null) {
            return chargeSavedMethod(request);
        }
        return jdbc.sql("select id, amount_value, amount_currency, status, decline_reason from demo_charge where id = ?")
                .param(chargeReference)
                .query((rs, n) -> chargeResult(rs.getString("id"), rs.getString("status"),
                        Money.of(rs.getBigDecimal("amount_value"), Currency.getInstance(rs.getString("amount_currency").trim())),
                        rs.getString("decline_reason")))
                .optional()
                .orElseGet(() -> GatewayResult.unknown(chargeReference, "The provider does not know this charge."));
    }

    /**
     * A charge of the "needs authentication" card waits for its cardholder: the demo bank's page confirms or fails it,
     * then sends the customer to {@code returnPath}. A charge already decided just answers its outcome.
     */
    @Override
    @Transactional
    public GatewayResult startCustomerAction(CustomerActionRequest request) {
        ChargeRow charge = findCharge(request.chargeReference()).orElse(null);
        if (charge == null) {
            return GatewayResult.unknown(request.chargeReference(), "The provider does not know this charge.");
        }
        if (!charge.waitsForCardholder()) {
            return resultOf(charge);
        }
        jdbc.sql("update demo_charge set return_path = ? where id = ? and status = 'PENDING'")
                .params(request.returnPath(), charge.id()).update();
        return GatewayResult.waitingForCustomer(charge.id(), GatewayResult.CustomerAction.BANK_CONFIRMATION_NEEDED,
                GatewayResult.CustomerAction.authenticateAt(DemoAuthenticationController.BASE_PATH + "/" + charge.id()));
    }

    @Override
    @Transactional(readOnly = true)
    public GatewayResult customerActionResult(String chargeReference) {
        return findCharge(chargeReference).map(this::resultOf)
                .orElseGet(() -> GatewayResult.unknown(chargeReference, "The provider does not know this charge."));
    }

    /**
     * Cancels a charge still waiting for its cardholder, after which the demo bank's page can no longer confirm it; a
     * charge already decided just answers its outcome. Cancelling twice is one cancel, so the key needs no record.
     */
    @Override
    @Transactional
    public GatewayResult cancelCharge(String idempotencyKey, String chargeReference) {
        jdbc.sql("update demo_charge set status = 'CANCELLED', decline_reason = ? where id = ? and status = 'PENDING'")
                .params(CANCELLED_CHARGE, chargeReference).update();
        return customerActionResult(chargeReference);
    }

    /** Called by the demo bank's page. Only a charge waiting for its cardholder can change. */
    @Transactional
    boolean completeAuthentication(String chargeId, boolean confirmed) {
        return jdbc.sql("update demo_charge set status = ?, decline_reason = ? where id = ? and status = 'PENDING'")
                .params(confirmed ? "SUCCEEDED" : "DECLINED",
                        confirmed ? null : "Your bank did not confirm the payment. Nothing was charged.", chargeId)
                .update() == 1;
    }

    @Transactional(readOnly = true)
    Optional<ChargeRow> findCharge(String id) {
        return jdbc.sql("""
                        select id, amount_value, amount_currency, status, decline_reason, return_path
                        from demo_charge where id = ?""")
                .param(id).query(ChargeRow.class).optional();
    }

    private GatewayResult resultOf(ChargeRow charge) {
        return chargeResult(charge.id(), charge.status(), charge.amount(), charge.declineReason());
    }

    @Override
    @Transactional
    public CheckoutSession startSetup(SetupRequest request) {
        Optional<String> existing = jdbc.sql("select id from demo_setup where idempotency_key = ?")
                .param(request.idempotencyKey()).query(String.class).optional();
        if (existing.isPresent()) {
            return setupSession(existing.get());
        }
        String id = "seti_demo_" + randomToken();
        jdbc.sql("""
                        insert into demo_setup (id, merchant, payer_name, return_path, cancel_path, idempotency_key, status,
                          created_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, properties.merchantName(), request.payerName(), request.returnPath(), request.cancelPath(),
                        request.idempotencyKey(), now())
                .update();
        return setupSession(id);
    }

    @Override
    @Transactional(readOnly = true)
    public GatewayResult setupResult(String setupReference) {
        SetupRow setup = findSetup(setupReference).orElse(null);
        if (setup == null) {
            return GatewayResult.unknown(setupReference, "The provider does not know this setup.");
        }
        return switch (setup.status()) {
            case "OPEN" -> GatewayResult.pending(setup.id(), "You have not finished adding the card on the provider's page yet.");
            case "LEFT_PENDING" -> GatewayResult.pending(setup.id(), "The card issuer has not confirmed the card yet.");
            case "SAVED" -> new GatewayResult(GatewayResult.Status.SUCCEEDED, setup.id(), null, null,
                    savedMethod(java.util.Objects.requireNonNull(setup.cardToken())));
            case "DECLINED" -> GatewayResult.declined(setup.id(),
                    setup.declineReason() == null ? "The card was not accepted." : setup.declineReason());
            case "CANCELLED" -> new GatewayResult(GatewayResult.Status.CANCELLED, setup.id(), null,
                    "The card was not added: you left the provider's page.", null);
            default -> GatewayResult.unknown(setup.id(), "Unexpected setup state " + setup.status());
        };
    }

    /** Detaches a card the merchant removed; one that is unknown or already detached is gone just the same. */
    @Override
    @Transactional
    public boolean detachMethod(String methodToken) {
        detachCard(methodToken);
        return true;
    }

    /** Called by the setup page when the customer acts on it. Only an open (or left pending) setup can change. */
    @Transactional
    boolean completeSetup(String setupId, DemoSetupAction action, @Nullable DemoCard card) {
        SetupRow setup = findSetup(setupId).orElse(null);
        if (setup == null || !setup.isOpen()) {
            return false;
        }
        String status;
        String reason = null;
        String cardToken = null;
        switch (action) {
            case SAVE -> {
                DemoCard used = card == null ? DemoCard.VISA_OK : card;
                if (used.behaviour() == DemoCard.Behaviour.DECLINE) {
                    status = "DECLINED";
                    reason = used.reason();
                } else {
                    status = "SAVED";
                    cardToken = saveCard(used);
                }
            }
            case DECLINE -> {
                status = "DECLINED";
                reason = "The card issuer did not allow saving the card.";
            }
            case CANCEL -> status = "CANCELLED";
            case LEAVE_PENDING -> status = "LEFT_PENDING";
            default -> throw new IllegalArgumentException(action.name());
        }
        int changed = jdbc.sql("""
                        update demo_setup set status = ?, decline_reason = ?, card_token = ?, completed_at = ?
                        where id = ? and status in ('OPEN', 'LEFT_PENDING')""")
                .params(status, reason, cardToken, now(), setupId)
                .update();
        return changed == 1;
    }

    @Transactional(readOnly = true)
    Optional<SetupRow> findSetup(String id) {
        return jdbc.sql("""
                        select id, merchant, payer_name, return_path, cancel_path, status, decline_reason, card_token
                        from demo_setup where id = ?""")
                .param(id).query(SetupRow.class).optional();
    }

    private CheckoutSession setupSession(String setupId) {
        return new CheckoutSession(setupId, DemoSetupController.BASE_PATH + "/" + setupId);
    }

    /** Called by the hosted page when the customer acts on it. Only an open checkout can change. */
    @Transactional
    boolean completeCheckout(String checkoutId, DemoCheckoutAction action, @Nullable DemoCard card) {
        CheckoutRow checkout = findCheckout(checkoutId).orElse(null);
        if (checkout == null || !checkout.isOpen()) {
            return false;
        }
        String status;
        String reason = null;
        String cardToken = null;
        switch (action) {
            case PAY -> {
                DemoCard used = card == null ? DemoCard.VISA_OK : card;
                if (used.behaviour() == DemoCard.Behaviour.DECLINE) {
                    status = "DECLINED";
                    reason = used.reason();
                } else {
                    status = "PAID";
                    cardToken = saveCard(used);
                }
            }
            case DECLINE -> {
                status = "DECLINED";
                reason = "Declined by the issuing bank.";
            }
            case CANCEL -> status = "CANCELLED";
            case LEAVE_PENDING -> status = "LEFT_PENDING";
            default -> throw new IllegalArgumentException(action.name());
        }
        int changed = jdbc.sql("""
                        update demo_checkout set status = ?, decline_reason = ?, card_token = ?, completed_at = ?
                        where id = ? and status in ('OPEN', 'LEFT_PENDING')""")
                .params(status, reason, cardToken, now(), checkoutId)
                .update();
        return changed == 1;
    }

    @Transactional(readOnly = true)
    Optional<CheckoutRow> findCheckout(String id) {
        return jdbc.sql("""
                        select id, merchant, payer_name, description, amount_value, amount_currency, return_path, cancel_path,
                          save_card, status, decline_reason, card_token from demo_checkout where id = ?""")
                .param(id).query(CheckoutRow.class).optional();
    }

    /** Detaches a saved card, as a provider does when the customer removes it. */
    @Transactional
    void detachCard(String token) {
        jdbc.sql("update demo_card set detached = true where token = ?").param(token).update();
    }

    @Transactional(readOnly = true)
    boolean isDetached(String token) {
        return jdbc.sql("select detached from demo_card where token = ?").param(token).query(Boolean.class).optional()
                .orElse(true);
    }

    private GatewayResult resultOf(CheckoutRow checkout) {
        return switch (checkout.status()) {
            case "OPEN" -> GatewayResult.pending(checkout.id(), "The customer has not finished paying yet.");
            case "LEFT_PENDING" -> GatewayResult.pending(checkout.id(), "The provider is still processing the payment.");
            case "PAID" -> GatewayResult.succeeded(checkout.id(), checkout.amount(),
                    checkout.saveCard() && checkout.cardToken() != null ? savedMethod(checkout.cardToken()) : null);
            case "DECLINED" -> GatewayResult.declined(checkout.id(),
                    checkout.declineReason() == null ? "Declined by the provider." : checkout.declineReason());
            case "CANCELLED" -> GatewayResult.cancelled(checkout.id());
            default -> GatewayResult.unknown(checkout.id(), "Unexpected checkout state " + checkout.status());
        };
    }

    private Optional<GatewayResult> chargeByIdempotencyKey(ChargeRequest request) {
        return jdbc.sql("""
                        select id, card_token, amount_value, amount_currency, status, decline_reason
                        from demo_charge where idempotency_key = ?""")
                .param(request.idempotencyKey())
                .query((rs, n) -> {
                    Money amount = Money.of(rs.getBigDecimal("amount_value"), Currency.getInstance(rs.getString("amount_currency")));
                    if (!amount.equals(request.amount()) || !rs.getString("card_token").equals(request.methodToken())) {
                        // Providers refuse to reuse a key for a different request; so do we.
                        throw new IllegalArgumentException("Idempotency key reused with different parameters");
                    }
                    return chargeResult(rs.getString("id"), rs.getString("status"), amount, rs.getString("decline_reason"));
                })
                .optional();
    }

    private GatewayResult chargeResult(String chargeId, String status, Money amount, @Nullable String reason) {
        return switch (status) {
            case "SUCCEEDED" -> GatewayResult.succeeded(chargeId, amount, null);
            // The only pending demo charges are those of the "needs authentication" card.
            case "PENDING" -> GatewayResult.waitingForCustomer(chargeId,
                    GatewayResult.CustomerAction.BANK_CONFIRMATION_NEEDED, GatewayResult.CustomerAction.authenticate());
            case "CANCELLED" -> new GatewayResult(GatewayResult.Status.CANCELLED, chargeId, null,
                    reason == null ? CANCELLED_CHARGE : reason, null);
            default -> GatewayResult.declined(chargeId, reason == null ? "Declined by the provider." : reason);
        };
    }

    private String saveCard(DemoCard card) {
        String token = "pm_demo_" + randomToken();
        YearMonth expiry = YearMonth.now(clock).plusYears(3).withMonth(12);
        jdbc.sql("""
                        insert into demo_card (token, brand, last4, exp_month, exp_year, detached, created_at)
                        values (?, ?, ?, ?, ?, false, ?)""")
                .params(token, card.brand(), card.last4(), expiry.getMonthValue(), expiry.getYear(), now())
                .update();
        return token;
    }

    private GatewayResult.SavedMethod savedMethod(String token) {
        CardRow card = jdbc.sql("select token, brand, last4, exp_month, exp_year, detached from demo_card where token = ?")
                .param(token).query(CardRow.class).single();
        YearMonth expires = YearMonth.of(card.expYear(), card.expMonth());
        String label = "%s •••• %s, %02d/%02d".formatted(card.brand(), card.last4(), expires.getMonthValue(), expires.getYear() % 100);
        return new GatewayResult.SavedMethod(token, label, expires);
    }

    private CheckoutSession session(String checkoutId) {
        return new CheckoutSession(checkoutId, "/demo-gateway/checkout/" + checkoutId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String randomToken() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    record CheckoutRow(String id, String merchant, String payerName, String description, BigDecimal amountValue,
                       String amountCurrency, String returnPath, String cancelPath, boolean saveCard, String status,
                       @Nullable String declineReason, @Nullable String cardToken) {

        Money amount() {
            return Money.of(amountValue, Currency.getInstance(amountCurrency.trim()));
        }

        boolean isOpen() {
            return status.equals("OPEN") || status.equals("LEFT_PENDING");
        }
    }

    record SetupRow(String id, String merchant, String payerName, String returnPath, String cancelPath, String status,
                    @Nullable String declineReason, @Nullable String cardToken) {

        boolean isOpen() {
            return status.equals("OPEN") || status.equals("LEFT_PENDING");
        }
    }

    record ChargeRow(String id, BigDecimal amountValue, String amountCurrency, String status,
                     @Nullable String declineReason, @Nullable String returnPath) {

        Money amount() {
            return Money.of(amountValue, Currency.getInstance(amountCurrency.trim()));
        }

        boolean waitsForCardholder() {
            return status.equals("PENDING");
        }
    }

    record CardRow(String token, String brand, String last4, int expMonth, int expYear, boolean detached) {
    }
}
