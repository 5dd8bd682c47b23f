package dev.billfold.payment;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountContext;
import dev.billfold.account.AccountId;
import dev.billfold.account.Payer;
import dev.billfold.account.PayerId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.Texts;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.PaymentGateway;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Payment history of the current account, a page at a time, and one payment's detail. */
@Service
public class PaymentHistoryQuery {

    private static final String FROM = """
             from payment p
             join payer pr on pr.id = p.payer_id
             left join payment_method pm on pm.id = p.payment_method_id
             left join invoice i on i.payment_id = p.id
            where p.account_id = :account""";

    /** What went back of each payment (DD-070): refunded, refunding, and its newest dispute. */
    private static final String REVERSAL_COLUMNS = """
                       (select sum(r.amount_value) from payment_refund r
                         where r.payment_id = p.id and r.state = 'SUCCEEDED') as refunded_value,
                       (select sum(r.amount_value) from payment_refund r
                         where r.payment_id = p.id and r.state = 'PENDING') as refund_pending_value,
                       (select d.state from payment_dispute d where d.payment_id = p.id
                         order by d.opened_at desc, d.id desc limit 1) as dispute_state,
                       (select d.provider_status from payment_dispute d where d.payment_id = p.id
                         order by d.opened_at desc, d.id desc limit 1) as dispute_status""";

    private final JdbcClient jdbc;
    private final AccountAccess access;
    private final GatewayRegistry gateways;
    private final InvoiceStore invoices;
    private final PaymentCustomerActions customerActions;

    PaymentHistoryQuery(JdbcClient jdbc, AccountAccess access, GatewayRegistry gateways, InvoiceStore invoices,
                        PaymentCustomerActions customerActions) {
        this.customerActions = customerActions;
        this.jdbc = jdbc;
        this.access = access;
        this.gateways = gateways;
        this.invoices = invoices;
    }

    @Transactional(readOnly = true)
    public int count(Filter filter) {
        AccountId account = accountFor(filter);
        return statement("select count(*)" + FROM + conditions(filter), account, filter).query(Integer.class).single();
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<PaymentRow> page(Filter filter, int offset, int limit) {
        AccountId account = accountFor(filter);
        String sql = """
                select p.id, p.created_at, pr.legal_name, p.amount_value, p.amount_currency, p.status, p.method_kind,
                       p.provider, p.provider_reference, pm.label as method_label, i.number as invoice_number,"""
                + REVERSAL_COLUMNS
                + FROM + conditions(filter) + " order by p.created_at desc, p.id desc limit :limit offset :offset";
        return statement(sql, account, filter).param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    Money amount = money(rs);
                    PaymentStatus status = PaymentStatus.valueOf(rs.getString("status"));
                    return new PaymentRow(new PaymentId(rs.getObject("id", UUID.class)),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("legal_name"),
                            amount, status, methodLabel(rs), methodText(rs), statusNote(rs, amount, status));
                })
                .list();
    }

    /** One payment of the current user's accounts; someone else's id gets the same answer as an unknown one. */
    @Transactional(readOnly = true)
    public PaymentDetails details(PaymentId paymentId) {
        AccountId owner = jdbc.sql("select account_id from payment where id = ?").param(paymentId.value())
                .query(UUID.class).optional().map(AccountId::new).orElse(null);
        AccountContext context = access.requireOwner(owner, paymentId, AccountAccess.Action.VIEW,
                InvalidRequestException.keyed(null, "errors.payment.not-found"));
        PaymentDetails details = load(paymentId, context.accountId());
        boolean canConfirm = details.status() == PaymentStatus.WAITING_FOR_PAYMENT
                && details.methodKind() == MethodKind.SAVED_METHOD && context.role().mayMoveMoney()
                && customerActions.open(paymentId).isPresent();
        return canConfirm ? details.withConfirmWithBank() : details;
    }

    /**
     * The same detail without a signed-in user, for the documents a mail carries (DD-066); package-private, so only
     * {@link PaymentDocuments}' internal calls reach it.
     */
    @Transactional(readOnly = true)
    PaymentDetails detailsWithoutUser(PaymentId paymentId) {
        AccountId owner = jdbc.sql("select account_id from payment where id = ?").param(paymentId.value())
                .query(UUID.class).optional().map(AccountId::new)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.payment.not-found"));
        return load(paymentId, owner);
    }

    private PaymentDetails load(PaymentId paymentId, AccountId account) {
        UUID userAccount = account.value();
        PaymentDetails details = jdbc.sql("""
                        select p.*, pr.legal_name, pm.label as method_label, i.number as invoice_number
                        """ + FROM + " and p.id = :id")
                .param("account", userAccount).param("id", paymentId.value())
                .query((rs, n) -> new PaymentDetails(paymentId, rs.getString("legal_name"), money(rs),
                        PaymentStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                        MethodKind.valueOf(rs.getString("method_kind")), methodLabel(rs), rs.getString("provider"),
                        rs.getString("provider_reference"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(), null, false))
                .optional()
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.payment.not-found"));
        Invoice invoice = details.methodKind() == MethodKind.INVOICE ? invoices.findByPayment(paymentId).orElse(null)
                : null;
        return new PaymentDetails(details.id(), details.payerName(), details.amount(), details.status(),
                details.statusReason(), details.methodKind(), details.methodLabel(), details.provider(),
                details.providerReference(), details.createdAt(), details.updatedAt(), invoice, false,
                paidIn(paymentId).orElse(null));
    }

    private Optional<PaidInOtherCurrency> paidIn(PaymentId paymentId) {
        return jdbc.sql("""
                        select p.pay_value, p.pay_currency, p.amount_value, p.amount_currency, p.exchange_rate,
                               q.spread_percent, q.rate_source, q.rate_date
                        from payment p join payment_quote q on q.id = p.quote_id where p.id = ?""")
                .param(paymentId.value())
                .query((rs, n) -> new PaidInOtherCurrency(
                        Money.of(rs.getBigDecimal(1), Currency.getInstance(rs.getString(2).strip())),
                        Money.of(rs.getBigDecimal(3), Currency.getInstance(rs.getString(4).strip())),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7),
                        rs.getObject(8, LocalDate.class)))
                .optional();
    }

    /** The current account; a payer filter must name one of its payers, or the request is refused and logged. */
    private AccountId accountFor(Filter filter) {
        AccountId account = access.current().accountId();
        if (filter.payerId() != null) {
            Payer payer = access.requirePayer(filter.payerId(), AccountAccess.Action.VIEW);
            if (!payer.accountId().equals(account)) {
                throw access.denied(AccountAccess.Action.VIEW, filter.payerId(),
                        InvalidRequestException.keyed("payer", "errors.payer.foreign"));
            }
        }
        return account;
    }

    private JdbcClient.StatementSpec statement(String sql, AccountId account, Filter filter) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("account", account.value());
        if (filter.status() != null) {
            spec = spec.param("status", filter.status().name());
        }
        if (filter.payerId() != null) {
            spec = spec.param("payer", filter.payerId().value());
        }
        return spec;
    }

    private static String conditions(Filter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.status() != null) {
            parts.add(" and p.status = :status");
        }
        if (filter.payerId() != null) {
            parts.add(" and p.payer_id = :payer");
        }
        return String.join("", parts);
    }

    /**
     * The payment's refunds and disputes in a few words, for the history and its detail: "Disputed: needs response",
     * "Refunded $30.00 of $100.00", "Refund of $30.00 pending"; as a key the page reads in its language.
     */
    static Texts.@Nullable Message statusNote(ResultSet rs, Money amount, PaymentStatus status) throws SQLException {
        String dispute = rs.getString("dispute_state");
        if (dispute != null) {
            return switch (dispute) {
                // The provider's own status word ("needs_response"), as the provider wrote it.
                case "OPEN" -> new Texts.Message("payment.history.note.disputed", rs.getString("dispute_status"));
                case "WON" -> new Texts.Message("payment.history.note.dispute-won");
                default -> new Texts.Message("payment.history.note.dispute-lost");
            };
        }
        BigDecimal refunded = rs.getBigDecimal("refunded_value");
        BigDecimal pending = rs.getBigDecimal("refund_pending_value");
        if (refunded != null && refunded.signum() > 0 && status != PaymentStatus.REFUNDED) {
            Money done = Money.of(refunded, amount.currency());
            return pending == null ? new Texts.Message("payment.history.note.refunded", done, amount)
                    : new Texts.Message("payment.history.note.refunded-more-pending", done, amount,
                    Money.of(pending, amount.currency()));
        }
        if (pending != null && pending.signum() > 0) {
            return new Texts.Message("payment.history.note.refund-pending", Money.of(pending, amount.currency()));
        }
        return null;
    }

    /**
     * The refunds and disputes of one payment of the current user's accounts, oldest first, for its detail; someone
     * else's id gets the same answer as an unknown one.
     */
    @Transactional(readOnly = true)
    public List<Reversal> reversals(PaymentId paymentId) {
        AccountId owner = jdbc.sql("select account_id from payment where id = ?").param(paymentId.value())
                .query(UUID.class).optional().map(AccountId::new).orElse(null);
        access.requireOwner(owner, paymentId, AccountAccess.Action.VIEW,
                InvalidRequestException.keyed(null, "errors.payment.not-found"));
        return jdbc.sql("""
                        select 'REFUND' as kind, amount_value, amount_currency, state, reason as detail, created_at
                        from payment_refund where payment_id = :id
                        union all
                        select 'DISPUTE' as kind, amount_value, amount_currency, state, provider_status as detail,
                          opened_at as created_at
                        from payment_dispute where payment_id = :id
                        order by created_at""")
                .param("id", paymentId.value())
                .query((rs, n) -> new Reversal(Reversal.Kind.valueOf(rs.getString("kind")),
                        Money.of(rs.getBigDecimal("amount_value"),
                                Currency.getInstance(rs.getString("amount_currency").trim())),
                        rs.getString("state"), rs.getString("detail"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * A refund or a dispute of a payment, as its detail lists it.
     *
     * @param state  PENDING, SUCCEEDED, FAILED, CANCELLED for a refund; OPEN, WON, LOST for a dispute
     * @param detail a refund's reason, or a dispute's status at the provider
     */
    public record Reversal(Kind kind, Money amount, String state, @Nullable String detail, Instant at) {

        public enum Kind { REFUND, DISPUTE }
    }

    private static Money money(ResultSet rs) throws SQLException {
        return Money.of(rs.getBigDecimal("amount_value"), Currency.getInstance(rs.getString("amount_currency").trim()));
    }

    /** An invoice or a bank transfer in Billfold's words, for the page to translate; null for a label from data. */
    private static Texts.@Nullable Message methodText(ResultSet rs) throws SQLException {
        if (MethodKind.valueOf(rs.getString("method_kind")) != MethodKind.INVOICE) {
            return null;
        }
        return rs.getString("invoice_number") == null ? new Texts.Message("payment.history.method.bank-transfer")
                : new Texts.Message("payment.history.method.invoice", rs.getString("invoice_number"));
    }

    private String methodLabel(ResultSet rs) throws SQLException {
        return switch (MethodKind.valueOf(rs.getString("method_kind"))) {
            case INVOICE -> rs.getString("invoice_number") == null ? "Bank transfer"
                    : "Invoice " + rs.getString("invoice_number");
            case SAVED_METHOD -> rs.getString("method_label");
            case CHECKOUT -> {
                String reference = rs.getString("provider_reference");
                yield gateways.find(rs.getString("provider")).map(gateway -> gateway.checkoutLabel(reference))
                        .orElse(rs.getString("provider"));
            }
        };
    }

    /** Optional filters; null means all. */
    public record Filter(@Nullable PaymentStatus status, @Nullable PayerId payerId) {

        public static Filter all() {
            return new Filter(null, null);
        }
    }

}
