package dev.billfold.history;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountContext;
import dev.billfold.account.PayerId;
import dev.billfold.adjustment.AdjustmentCategory;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.Texts;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.PaymentGateway;
import dev.billfold.ledger.LedgerEntryKind;
import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transaction history: every ledger entry of the current account (top-ups, charges, refunds, adjustments) with
 * the running balance after it, newest first, filtered by kind, payer and date range; and the same rows as CSV. A
 * payer filter keeps that payer's top-ups and refunds and the entries no payer caused (DD-032).
 *
 * <p>The running balance is a window function over all of the account's entries ({@code sum(...) over (order by
 * created_at, seq_no)}, the same on H2 and PostgreSQL), computed before the filters, so a filtered row still shows
 * the real balance after it. {@code seq_no} (from a sequence) breaks ties between entries of the same instant in the
 * order they were written; a random id would not.
 */
@Service
public class TransactionHistoryQuery {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** A cell that is exactly a plain number (our amounts) is safe as it is; text cells get the formula guard. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static final String FROM = """
             from (select le.id, le.seq_no, le.created_at, le.kind, le.reference, le.amount_value, le.amount_currency,
                          sum(le.amount_value) over (order by le.created_at, le.seq_no) as running,
                          case when le.reference like 'payment:%' then substring(le.reference from 9) end as payment_ref
                     from ledger_entry le where le.account_id = :account) t
             -- A provider's refund or dispute names its payment through its own row (DD-070).
             left join payment_refund rf on t.kind in ('REFUND', 'REFUND_RETURN')
                   and t.reference = concat('refund:', rf.provider, ':', rf.provider_refund_id)
             left join payment_dispute dp on t.kind in ('DISPUTE', 'DISPUTE_WON')
                   and t.reference = concat('dispute:', dp.provider, ':', dp.provider_dispute_id)
             left join payment p on p.id = coalesce(cast(t.payment_ref as uuid), rf.payment_id, dp.payment_id)
                   and p.account_id = :account
             left join payer pr on pr.id = p.payer_id
             left join payment_method pm on pm.id = p.payment_method_id
             left join invoice i on i.payment_id = p.id
             left join renewal_charge rc on rc.ledger_reference = t.reference
             left join hosted_service s on s.id = rc.service_id
             -- Matched as text: an ADJUSTMENT entry older than balance_adjustment has a reference that is no uuid.
             left join balance_adjustment ba on ba.account_id = :account and t.kind = 'ADJUSTMENT'
                   and t.reference = concat('adjustment:', cast(ba.id as varchar(36)))
            where 1 = 1""";

    private final JdbcClient jdbc;
    private final AccountAccess access;
    private final GatewayRegistry gateways;
    private final int csvMaxRows;

    TransactionHistoryQuery(JdbcClient jdbc, AccountAccess access, GatewayRegistry gateways,
                            HistoryProperties properties) {
        this.jdbc = jdbc;
        this.access = access;
        this.gateways = gateways;
        this.csvMaxRows = properties.csvMaxRows();
    }

    /**
     * Optional filters; null means all. {@code payerId} hides the other payers' top-ups and refunds, not the account's
     * charges and adjustments. {@code from} and {@code to} are inclusive days in {@code zone}: the customer's, so that
     * a day in the filter is a day of the dates the page shows (DD-049).
     */
    public record Filter(@Nullable LedgerEntryKind kind, @Nullable PayerId payerId, @Nullable LocalDate from,
                         @Nullable LocalDate to, ZoneId zone) {

        /** Days in UTC. */
        public Filter(@Nullable LedgerEntryKind kind, @Nullable PayerId payerId, @Nullable LocalDate from,
                      @Nullable LocalDate to) {
            this(kind, payerId, from, to, ZoneOffset.UTC);
        }

        public static Filter all() {
            return new Filter(null, null, null, null);
        }
    }

    @Transactional(readOnly = true)
    public int count(Filter filter) {
        return count(checked(filter), filter);
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<TimelineRow> page(Filter filter, int offset, int limit) {
        AccountContext account = checked(filter);
        return rows(account, filter, offset, limit);
    }

    /** Where a CSV export goes: opened only once the export is allowed, so a refusal has sent nothing yet. */
    @FunctionalInterface
    public interface CsvTarget {
        Writer open() throws IOException;
    }

    /**
     * The filtered rows as CSV (UTF-8, RFC 4180), newest first, with a header line. More rows than
     * {@link HistoryProperties#csvMaxRows()} are refused before the target is opened.
     */
    @Transactional(readOnly = true)
    public void writeCsv(Filter filter, CsvTarget target) throws IOException {
        AccountContext account = checked(filter);
        // The count refuses cheaply; the one row past the ceiling catches entries written since the count.
        List<TimelineRow> rows = count(account, filter) <= csvMaxRows ? rows(account, filter, 0, csvMaxRows + 1) : null;
        if (rows == null || rows.size() > csvMaxRows) {
            throw InvalidRequestException.keyed("export", "history.error.export-too-large", csvMaxRows);
        }
        try (Writer out = target.open(); CSVPrinter csv = CSVFormat.RFC4180.builder()
                .setHeader("Date (ISO 8601 UTC)", "Kind", "Description", "Payer", "Amount", "Currency", "Balance after",
                        "Reference")
                .get().print(out)) {
            for (TimelineRow row : rows) {
                // ISO 8601 with its offset (Z): unambiguous whoever opens the file, wherever.
                String at = CSV_TIME.format(row.at().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
                csv.printRecord(safe(at), safe(row.kind().name()), safe(row.description()),
                        safe(row.payerName() == null ? "" : row.payerName()),
                        safe(row.amount().value().toPlainString()), safe(row.amount().currencyCode()),
                        safe(row.balanceAfter().value().toPlainString()),
                        safe(row.reference()));
            }
        }
    }

    /**
     * Guards against formula injection: a text cell starting with = + - @ (or a tab or carriage return) is opened
     * by spreadsheets as a formula, so it gets a leading apostrophe. Plain numbers such as -24.00 stay numbers.
     */
    static String safe(String cell) {
        if (cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private int count(AccountContext account, Filter filter) {
        return statement("select count(*)" + FROM + conditions(filter), account, filter).query(Integer.class).single();
    }

    private List<TimelineRow> rows(AccountContext account, Filter filter, int offset, int limit) {
        String sql = """
                select t.id, t.created_at, t.kind, t.reference, t.amount_value, t.amount_currency, t.running,
                       pr.legal_name, p.method_kind, p.provider, pm.label as method_label, i.number as invoice_number,
                       s.name as service_name, rc.period_start, rc.period_end, ba.category as adjustment_category,
                       p.idempotency_key as payment_key"""
                + FROM + conditions(filter) + " order by t.created_at desc, t.seq_no desc limit :limit offset :offset";
        return statement(sql, account, filter).param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("amount_currency").trim());
                    LedgerEntryKind kind = LedgerEntryKind.valueOf(rs.getString("kind"));
                    return new TimelineRow(rs.getObject("created_at", OffsetDateTime.class).toInstant(), kind,
                            describe(kind, rs), rs.getString("legal_name"),
                            Money.of(rs.getBigDecimal("amount_value"), currency),
                            Money.of(rs.getBigDecimal("running"), currency), rs.getString("reference"));
                })
                .list();
    }

    private AccountContext checked(Filter filter) {
        AccountContext account = access.current();
        if (filter.payerId() != null) {
            var payer = access.requirePayer(filter.payerId(), AccountAccess.Action.VIEW);
            if (!payer.accountId().equals(account.accountId())) {
                throw InvalidRequestException.keyed("payer", "history.error.payer-not-yours");
            }
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw InvalidRequestException.keyed("to", "history.error.end-before-start");
        }
        return account;
    }

    private JdbcClient.StatementSpec statement(String sql, AccountContext account, Filter filter) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("account", account.accountId().value());
        if (filter.kind() != null) {
            spec = spec.param("kind", filter.kind().name());
        }
        if (filter.payerId() != null) {
            spec = spec.param("payer", filter.payerId().value());
        }
        if (filter.from() != null) {
            spec = spec.param("from", filter.from().atStartOfDay(filter.zone()).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            spec = spec.param("to", filter.to().plusDays(1).atStartOfDay(filter.zone()).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC));
        }
        return spec;
    }

    private static String conditions(Filter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.kind() != null) {
            parts.add(" and t.kind = :kind");
        }
        if (filter.payerId() != null) {
            // A payer's view keeps the entries no payer caused (charges, adjustments): they move everyone's balance.
            parts.add(" and (p.payer_id = :payer or p.id is null)");
        }
        if (filter.from() != null) {
            parts.add(" and t.created_at >= :from");
        }
        if (filter.to() != null) {
            parts.add(" and t.created_at < :to");
        }
        return String.join("", parts);
    }

    /** The keys the guarded auto top-up gives its payments (DD-105): a threshold's firing, a renewal's shortfall. */
    private static boolean automatic(@Nullable String paymentKey) {
        return paymentKey != null && (paymentKey.startsWith("autotopup:") || paymentKey.startsWith("autorenew:"));
    }

    private Texts.Message describe(LedgerEntryKind kind, ResultSet rs) throws SQLException {
        String service = rs.getString("service_name");
        if (service != null) {
            // ISO days, as the CSV has them: read the same in every language.
            return new Texts.Message("history.row.renewal", service,
                    String.valueOf(rs.getObject("period_start", LocalDate.class)),
                    String.valueOf(rs.getObject("period_end", LocalDate.class)));
        }
        String methodKind = rs.getString("method_kind");
        if (methodKind != null) {
            Object method = switch (methodKind) {
                case "INVOICE" -> rs.getString("invoice_number") == null
                        ? new Texts.Message("history.row.bank-transfer")
                        : new Texts.Message("history.row.invoice", rs.getString("invoice_number"));
                case "SAVED_METHOD" -> rs.getString("method_label");
                default -> gateways.find(rs.getString("provider")).map(PaymentGateway::displayName)
                        .orElse(rs.getString("provider"));
            };
            return new Texts.Message(switch (kind) {
                case REFUND -> "history.row.refund-of";
                case REFUND_RETURN -> "history.row.refund-returned-of";
                case DISPUTE -> "history.row.dispute-of";
                case DISPUTE_WON -> "history.row.dispute-won-of";
                case REVERSAL -> "history.row.reversal-of";
                default -> automatic(rs.getString("payment_key")) ? "history.row.auto-top-up-by"
                        : "history.row.top-up-by";
            }, method);
        }
        String category = rs.getString("adjustment_category");
        if (category != null) {
            // The category's plain reason only: the staff note is internal (DD-067).
            return new Texts.Message("history.row.adjustment-for",
                    new Texts.Message("history.adjustment." + AdjustmentCategory.valueOf(category).name()));
        }
        return new Texts.Message("history.row.kind." + kind.name());
    }
}
