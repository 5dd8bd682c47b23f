package dev.billfold.gateway.demo;

import dev.billfold.base.Money;
import dev.billfold.gateway.PhonePayments;
import dev.billfold.gateway.ConditionalOnProvider;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo provider's own backend, as Stripe's servers are Stripe's: its checkouts, setups, cards and charges in its
 * own tables, in its own words (rows and status strings, not Billfold's results). Its hosted pages call it when the
 * customer acts, and {@link DemoGateway} adapts it to the gateway interface the way the Stripe and PayPal adapters
 * wrap their SDKs (DD-007).
 */
@Component
@ConditionalOnProvider(DemoGatewayProperties.SWITCH)
class DemoProvider {

    static final String CANCELLED_CHARGE = "The payment was cancelled before your bank confirmed it. "
            + "Nothing was charged.";
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String CHECKOUT_PREFIX = "cs_demo_";
    static final String PHONE_PUSH_PREFIX = "mp_demo_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DemoGatewayProperties properties;

    DemoProvider(JdbcClient jdbc, Clock clock, DemoGatewayProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Opens a checkout, or answers the one already opened with this key. Returns its id. */
    @Transactional
    String createCheckout(String idempotencyKey, String payerName, String description, Money amount,
                          String returnPath, String cancelPath, boolean saveCard) {
        return createCheckout(CHECKOUT_PREFIX, idempotencyKey, payerName, description, amount, returnPath, cancelPath,
                saveCard);
    }

    /** A push to the demo phone: a checkout without a page of its own, told apart by its id. */
    @Transactional
    String createPhonePush(String idempotencyKey, String payerName, String description, Money amount,
                           String returnPath) {
        return createCheckout(PHONE_PUSH_PREFIX, idempotencyKey, payerName, description, amount, returnPath,
                returnPath, false);
    }

    private String createCheckout(String prefix, String idempotencyKey, String payerName, String description,
                                  Money amount, String returnPath, String cancelPath, boolean saveCard) {
        Optional<String> existing = jdbc.sql("select id from demo_checkout where idempotency_key = ?")
                .param(idempotencyKey).query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = prefix + randomToken();
        jdbc.sql("""
                        insert into demo_checkout (id, merchant, payer_name, description, amount_value, amount_currency,
                          return_path, cancel_path, save_card, idempotency_key, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, properties.merchantName(), payerName, description, amount.value(), amount.currencyCode(),
                        returnPath, cancelPath, saveCard, idempotencyKey, now())
                .update();
        return id;
    }

    /**
     * The demo phone's answer to a push (a checkout without a page of its own): approved is paid, declined is the
     * customer's "no" in M-Pesa's words. Only an open push can change.
     */
    @Transactional
    boolean answerOnPhone(String checkoutId, boolean approved) {
        int changed = jdbc.sql("""
                        update demo_checkout set status = ?, decline_reason = ?, completed_at = ?
                        where id = ? and status in ('OPEN', 'LEFT_PENDING')""")
                .params(approved ? "PAID" : "DECLINED", approved ? null : PhonePayments.CANCELLED_ON_PHONE, now(),
                        checkoutId)
                .update();
        return changed == 1;
    }

    @Transactional(readOnly = true)
    Optional<CheckoutRow> findCheckout(String id) {
        return jdbc.sql("""
                        select id, merchant, payer_name, description, amount_value, amount_currency, return_path,
                          cancel_path, save_card, status, decline_reason, card_token from demo_checkout where id = ?""")
                .param(id).query(CheckoutRow.class).optional();
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
                if (used.behaviour() == DemoCard.Behaviour.DECLINE
                        || used.behaviour() == DemoCard.Behaviour.DECLINE_WHEN_CHARGED) {
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

    /**
     * Charges a card off-session, or answers the charge already made with this key. The same key with another amount
     * or card is refused, as providers refuse it.
     */
    @Transactional
    ChargeRow charge(String idempotencyKey, String cardToken, Money amount) {
        Optional<ChargeRow> replay = findChargeByKey(idempotencyKey, cardToken, amount);
        if (replay.isPresent()) {
            return replay.get();
        }
        String chargeId = "ch_demo_" + randomToken();
        CardRow card = findCard(cardToken).orElse(null);
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
                            insert into demo_charge (id, idempotency_key, card_token, amount_value, amount_currency,
                              status, decline_reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(chargeId, idempotencyKey, cardToken, amount.value(), amount.currencyCode(), status, reason,
                            now())
                    .update();
        } catch (DuplicateKeyException raced) {
            return findChargeByKey(idempotencyKey, cardToken, amount).orElseThrow();
        }
        return new ChargeRow(chargeId, amount.value(), amount.currencyCode(), status, reason, null);
    }

    @Transactional(readOnly = true)
    Optional<ChargeRow> findCharge(String id) {
        return jdbc.sql("""
                        select id, amount_value, amount_currency, status, decline_reason, return_path
                        from demo_charge where id = ?""")
                .param(id).query(ChargeRow.class).optional();
    }

    /** The last four digits of the card a checkout or charge was paid with, if it was paid by card. */
    Optional<String> cardLast4Of(String paymentRef) {
        return jdbc.sql("""
                        select c.last4 from demo_card c
                         where c.token = coalesce((select card_token from demo_checkout where id = :id),
                                                  (select card_token from demo_charge where id = :id))""")
                .param("id", paymentRef).query(String.class).optional();
    }

    /** Where the demo bank's page sends the cardholder back to; only a charge still waiting can take one. */
    @Transactional
    void setChargeReturnPath(String chargeId, String returnPath) {
        jdbc.sql("update demo_charge set return_path = ? where id = ? and status = 'PENDING'")
                .params(returnPath, chargeId).update();
    }

    /** Cancels a charge still waiting for its cardholder; cancelling twice is one cancel. */
    @Transactional
    void cancelCharge(String chargeId) {
        jdbc.sql("update demo_charge set status = 'CANCELLED', decline_reason = ? where id = ? and status = 'PENDING'")
                .params(CANCELLED_CHARGE, chargeId).update();
    }

    /** Called by the demo bank's page. Only a charge waiting for its cardholder can change. */
    @Transactional
    boolean completeAuthentication(String chargeId, boolean confirmed) {
        return jdbc.sql("update demo_charge set status = ?, decline_reason = ? where id = ? and status = 'PENDING'")
                .params(confirmed ? "SUCCEEDED" : "DECLINED",
                        confirmed ? null : "Your bank did not confirm the payment. Nothing was charged.", chargeId)
                .update() == 1;
    }

    /** Opens a page for saving a card without paying, or answers the one already opened with this key. */
    @Transactional
    String createSetup(String idempotencyKey, String payerName, String returnPath, String cancelPath) {
        Optional<String> existing = jdbc.sql("select id from demo_setup where idempotency_key = ?")
                .param(idempotencyKey).query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = "seti_demo_" + randomToken();
        jdbc.sql("""
                        insert into demo_setup (id, merchant, payer_name, return_path, cancel_path, idempotency_key,
                          status, created_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, properties.merchantName(), payerName, returnPath, cancelPath, idempotencyKey, now())
                .update();
        return id;
    }

    @Transactional(readOnly = true)
    Optional<SetupRow> findSetup(String id) {
        return jdbc.sql("""
                        select id, merchant, payer_name, return_path, cancel_path, status, decline_reason, card_token
                        from demo_setup where id = ?""")
                .param(id).query(SetupRow.class).optional();
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
    Optional<CardRow> findCard(String token) {
        return jdbc.sql("select token, brand, last4, exp_month, exp_year, detached from demo_card where token = ?")
                .param(token).query(CardRow.class).optional();
    }

    /** Detaches a saved card, as a provider does when the merchant removes it; an unknown card stays unknown. */
    @Transactional
    void detachCard(String token) {
        jdbc.sql("update demo_card set detached = true where token = ?").param(token).update();
    }

    @Transactional(readOnly = true)
    boolean isDetached(String token) {
        return findCard(token).map(CardRow::detached).orElse(true);
    }

    // --- money going back: the merchant's refunds and the cardholders' disputes (DD-070) ---

    /** A paid checkout or a succeeded charge: what the merchant's dashboard can refund or see disputed. */
    record PaidRow(String id, String paymentKey, BigDecimal amountValue, String amountCurrency, String kind,
                   String label, OffsetDateTime createdAt) {

        Money amount() {
            return Money.of(amountValue, Currency.getInstance(amountCurrency.trim()));
        }
    }

    record RefundRow(String id, String paymentRef, BigDecimal amountValue, String amountCurrency, String status,
                     @Nullable String initiatedKey) {

        Money amount() {
            return Money.of(amountValue, Currency.getInstance(amountCurrency.trim()));
        }
    }

    record DisputeRow(String id, String paymentRef, BigDecimal amountValue, String amountCurrency, String status) {

        Money amount() {
            return Money.of(amountValue, Currency.getInstance(amountCurrency.trim()));
        }
    }

    /** The newest paid checkouts and succeeded charges, for the merchant's dashboard. */
    @Transactional(readOnly = true)
    List<PaidRow> paid(int limit) {
        return jdbc.sql("""
                        select id, idempotency_key as payment_key, amount_value, amount_currency, kind, label,
                          created_at from (
                          select id, idempotency_key, amount_value, amount_currency, 'checkout' as kind,
                            payer_name || ': ' || description as label, created_at
                          from demo_checkout where status = 'PAID'
                          union all
                          select id, idempotency_key, amount_value, amount_currency, 'charge' as kind,
                            'Saved card charge' as label, created_at
                          from demo_charge where status = 'SUCCEEDED') paid
                        order by created_at desc, id limit ?""")
                .param(limit).query(PaidRow.class).list();
    }

    /** The paid checkout or succeeded charge with this id. */
    @Transactional(readOnly = true)
    Optional<PaidRow> findPaid(String paymentRef) {
        return jdbc.sql("""
                        select id, idempotency_key as payment_key, amount_value, amount_currency, 'checkout' as kind,
                          payer_name || ': ' || description as label, created_at
                        from demo_checkout where id = :id and status = 'PAID'
                        union all
                        select id, idempotency_key as payment_key, amount_value, amount_currency, 'charge' as kind,
                          'Saved card charge' as label, created_at
                        from demo_charge where id = :id and status = 'SUCCEEDED'""")
                .param("id", paymentRef).query(PaidRow.class).optional();
    }

    @Transactional(readOnly = true)
    List<RefundRow> refundsOf(String paymentRef) {
        return jdbc.sql("""
                        select id, payment_ref, amount_value, amount_currency, status, initiated_key from demo_refund
                        where payment_ref = ? order by created_at, id""")
                .param(paymentRef).query(RefundRow.class).list();
    }

    @Transactional(readOnly = true)
    List<DisputeRow> disputesOf(String paymentRef) {
        return jdbc.sql("""
                        select id, payment_ref, amount_value, amount_currency, status from demo_dispute
                        where payment_ref = ? order by created_at, id""")
                .param(paymentRef).query(DisputeRow.class).list();
    }

    /**
     * Refunds part or all of a paid checkout or charge, as the provider's dashboard (or its API, with
     * {@code initiatedKey}) does: SUCCEEDED at once, or PENDING until it is completed or fails. Like a provider it
     * refuses more than is left to refund; the same {@code initiatedKey} again answers the first refund.
     */
    @Transactional
    Optional<RefundRow> refund(String paymentRef, Money amount, boolean pending, @Nullable String initiatedKey) {
        if (initiatedKey != null) {
            Optional<RefundRow> replay = jdbc.sql("""
                            select id, payment_ref, amount_value, amount_currency, status, initiated_key
                            from demo_refund where initiated_key = ?""")
                    .param(initiatedKey).query(RefundRow.class).optional();
            if (replay.isPresent()) {
                return replay;
            }
        }
        PaidRow paid = lockPaid(paymentRef).orElse(null);
        if (paid == null || !amount.isPositive() || !amount.currency().equals(paid.amount().currency())) {
            return Optional.empty();
        }
        Money refunded = refundsOf(paymentRef).stream().filter(r -> !r.status().equals("FAILED"))
                .map(RefundRow::amount).reduce(Money.zero(amount.currency()), Money::plus);
        if (refunded.plus(amount).isGreaterThan(paid.amount())) {
            return Optional.empty();
        }
        String id = "re_demo_" + randomToken();
        String status = pending ? "PENDING" : "SUCCEEDED";
        jdbc.sql("""
                        insert into demo_refund (id, payment_ref, amount_value, amount_currency, status, initiated_key,
                          created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, paymentRef, amount.value(), amount.currencyCode(), status, initiatedKey, now(), now())
                .update();
        return Optional.of(new RefundRow(id, paymentRef, amount.value(), amount.currencyCode(), status,
                initiatedKey));
    }

    /** A pending refund completes or fails; any other refund stays as it is. */
    @Transactional
    boolean settleRefund(String refundId, boolean succeeded) {
        return jdbc.sql("update demo_refund set status = ?, updated_at = ? where id = ? and status = 'PENDING'")
                .params(succeeded ? "SUCCEEDED" : "FAILED", now(), refundId).update() == 1;
    }

    /** The cardholder disputes a paid checkout or charge (the whole amount, as card disputes usually are). */
    @Transactional
    Optional<DisputeRow> openDispute(String paymentRef) {
        PaidRow paid = lockPaid(paymentRef).orElse(null);
        if (paid == null || disputesOf(paymentRef).stream().anyMatch(d -> d.status().equals("OPEN"))) {
            return Optional.empty();
        }
        String id = "dp_demo_" + randomToken();
        jdbc.sql("""
                        insert into demo_dispute (id, payment_ref, amount_value, amount_currency, status, created_at,
                          updated_at) values (?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, paymentRef, paid.amountValue(), paid.amountCurrency(), now(), now()).update();
        return Optional.of(new DisputeRow(id, paymentRef, paid.amountValue(), paid.amountCurrency(), "OPEN"));
    }

    /** An open dispute is decided: WON for the merchant, or LOST. */
    @Transactional
    boolean closeDispute(String disputeId, boolean won) {
        return jdbc.sql("update demo_dispute set status = ?, updated_at = ? where id = ? and status = 'OPEN'")
                .params(won ? "WON" : "LOST", now(), disputeId).update() == 1;
    }

    /** The paid row locked, so two refunds of it at once cannot both pass the "what is left" check. */
    private Optional<PaidRow> lockPaid(String paymentRef) {
        boolean charge = paymentRef.startsWith("ch_demo_");
        jdbc.sql(charge ? "select id from demo_charge where id = ? for update"
                        : "select id from demo_checkout where id = ? for update")
                .param(paymentRef).query(String.class).optional();
        return findPaid(paymentRef);
    }

    private Optional<ChargeRow> findChargeByKey(String idempotencyKey, String cardToken, Money amount) {
        return jdbc.sql("""
                        select id, card_token, amount_value, amount_currency, status, decline_reason, return_path
                        from demo_charge where idempotency_key = ?""")
                .param(idempotencyKey)
                .query((rs, n) -> {
                    ChargeRow charge = new ChargeRow(rs.getString("id"), rs.getBigDecimal("amount_value"),
                            rs.getString("amount_currency"), rs.getString("status"), rs.getString("decline_reason"),
                            rs.getString("return_path"));
                    if (!charge.amount().equals(amount) || !rs.getString("card_token").equals(cardToken)) {
                        // Providers refuse to reuse a key for a different request; so do we.
                        throw new IllegalArgumentException("Idempotency key reused with different parameters");
                    }
                    return charge;
                })
                .optional();
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
