package dev.billfold.refund;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.payment.LockedPrice;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.PaymentGateway;
import dev.billfold.gateway.RefundIssuer;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentRefunds;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account's credited top-ups as a refund sees them, most recent credit first: what each put on the balance, what
 * of it is still unrefunded, and whether it can be refunded now (DD-071). A read model over the payments' tables, as
 * the transaction history is; it moves nothing.
 */
@Component
class RefundableTopUps {

    private static final String SELECT = """
            select p.id, p.method_kind, p.provider, p.provider_reference, p.status, p.credited_value,
                   p.credited_currency, pm.label as method_label, i.number as invoice_number,
                   le.created_at as credited_at,
                   (select coalesce(sum(rp.amount_value), 0) from refund_part rp
                     where rp.payment_id = p.id and rp.status in ('RESERVED', 'SENDING', 'PAYOUT_DUE')) as held
              from payment p
              join ledger_entry le on le.kind = 'TOP_UP'
                   and le.reference = concat('payment:', cast(p.id as varchar(36)))
              left join payment_method pm on pm.id = p.payment_method_id
              left join invoice i on i.payment_id = p.id
            """;

    private final JdbcClient jdbc;
    private final GatewayRegistry gateways;
    private final RefundRequestProperties properties;
    private final PaymentRefunds payments;

    RefundableTopUps(JdbcClient jdbc, GatewayRegistry gateways, RefundRequestProperties properties,
                     PaymentRefunds payments) {
        this.payments = payments;
        this.jdbc = jdbc;
        this.gateways = gateways;
        this.properties = properties;
    }

    /**
     * Every credited top-up of the account, the most recent credit first. What each has left is the payment module's
     * (credited, less what its providers refunded, are refunding or dispute) less our parts that it does not know
     * of yet: reserved, being sent, or waiting for a bank payout. A part is the payment's to count from the moment it
     * is recorded there (pending or succeeded at the provider, paid out).
     */
    List<RefundableTopUp> of(AccountId accountId, Instant now) {
        Map<PaymentId, Money> left = remaining(accountId);
        return jdbc.sql(SELECT + """
                         where p.account_id = ? and p.status in ('CREDITED', 'CONDITIONALLY_CREDITED')
                         order by le.created_at desc, p.id""")
                .param(accountId.value())
                .query((rs, n) -> topUp(rs, now, left)).list();
    }

    /** One payment of the account, if it was credited at all. */
    Optional<RefundableTopUp> one(AccountId accountId, PaymentId paymentId, Instant now) {
        Map<PaymentId, Money> left = remaining(accountId);
        return jdbc.sql(SELECT + " where p.account_id = ? and p.id = ?")
                .params(accountId.value(), paymentId.value())
                .query((rs, n) -> topUp(rs, now, left)).optional();
    }

    private Map<PaymentId, Money> remaining(AccountId accountId) {
        return payments.creditedPayments(accountId).stream().collect(Collectors.toMap(
                PaymentRefunds.RefundablePayment::id, PaymentRefunds.RefundablePayment::remaining));
    }

    /** The account of a payment, for an operator's refund of it; empty for an unknown id. */
    Optional<AccountId> accountOf(PaymentId paymentId) {
        return jdbc.sql("select account_id from payment where id = ?").param(paymentId.value())
                .query((rs, n) -> new AccountId(rs.getObject(1, UUID.class))).optional();
    }

    /** The provider's id of the payment (its checkout or charge), which a refund names. */
    Optional<String> providerReference(PaymentId paymentId) {
        return jdbc.sql("select provider_reference from payment where id = ?").param(paymentId.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(reference -> reference);
    }

    /** What the payment credited and what its provider charged for it, for a refund sent to the provider. */
    LockedPrice price(PaymentId paymentId) {
        return jdbc.sql("select amount_value, amount_currency, pay_value, pay_currency from payment where id = ?")
                .param(paymentId.value())
                .query((rs, n) -> new LockedPrice(money(rs.getBigDecimal(1), rs.getString(2)),
                        rs.getBigDecimal(3) == null ? null : money(rs.getBigDecimal(3), rs.getString(4))))
                .single();
    }

    private static Money money(BigDecimal value, String currency) {
        return Money.of(value, Currency.getInstance(currency.strip()));
    }

    /** Granted or adjustment credit on the account: never refundable to a payment method. */
    Money grantedCredit(AccountId accountId, Currency currency) {
        BigDecimal sum = jdbc.sql("""
                        select coalesce(sum(amount_value), 0) from ledger_entry
                         where account_id = ? and kind = 'ADJUSTMENT' and amount_value > 0""")
                .param(accountId.value()).query(BigDecimal.class).single();
        return Money.of(sum, currency);
    }

    private RefundableTopUp topUp(ResultSet rs, Instant now, Map<PaymentId, Money> left) throws SQLException {
        PaymentId id = new PaymentId(rs.getObject("id", UUID.class));
        Currency currency = Currency.getInstance(rs.getString("credited_currency").trim());
        Money credited = Money.of(rs.getBigDecimal("credited_value"), currency);
        Money held = Money.of(rs.getBigDecimal("held"), currency);
        Money unrefunded = left.getOrDefault(id, Money.zero(currency));
        Money remaining = held.isLessThan(unrefunded) ? unrefunded.minus(held) : Money.zero(currency);
        Instant creditedAt = rs.getObject("credited_at", OffsetDateTime.class).toInstant();
        String methodKind = rs.getString("method_kind");
        boolean bank = "INVOICE".equals(methodKind);
        @Nullable String provider = bank ? null : rs.getString("provider");
        String windowKey = bank ? RefundRequestProperties.BANK : provider;
        @Nullable Duration window = windowKey == null ? null : properties.window().get(windowKey);
        @Nullable Instant until = window == null ? null : creditedAt.plus(window);
        String destination = destination(rs, methodKind, provider);
        String why = null;
        if (!"CREDITED".equals(rs.getString("status"))) {
            why = "Conditionally credited: its money has not arrived at the bank yet.";
        } else if (!remaining.isPositive()) {
            why = "Refunded (or disputed) already.";
        } else if (window == null) {
            why = bank ? "Bank transfers are not refunded here; contact support."
                    : "This payment's provider takes no refunds from here; contact support.";
        } else if (!now.isBefore(until)) {
            why = "Older than the provider's refund window of %d days.".formatted(window.toDays());
        } else if (!bank && (provider == null || gateways.find(provider, RefundIssuer.class).isEmpty()
                || rs.getString("provider_reference") == null)) {
            why = "Its payment provider cannot refund it right now; contact support.";
        }
        return new RefundableTopUp(id, bank ? RefundRoute.PAYOUT : RefundRoute.PROVIDER, provider, destination,
                credited, remaining, creditedAt, until, why);
    }

    private String destination(ResultSet rs, String methodKind, @Nullable String provider) throws SQLException {
        return switch (methodKind) {
            case "INVOICE" -> "Bank transfer" + (rs.getString("invoice_number") == null ? ""
                    : " (invoice " + rs.getString("invoice_number") + ")");
            case "SAVED_METHOD" -> withoutExpiry(rs.getString("method_label"));
            default -> provider == null ? "Payment provider"
                    : gateways.find(provider).map(PaymentGateway::displayName).orElse(provider);
        };
    }

    /** "Visa •••• 4242, 12/28" as "Visa •••• 4242": where the money goes, not the card's details. */
    private static String withoutExpiry(@Nullable String label) {
        if (label == null) {
            return "Saved method";
        }
        int comma = label.lastIndexOf(", ");
        return comma > 0 && label.substring(comma + 2).matches("\\d{2}/\\d{2}") ? label.substring(0, comma) : label;
    }
}
