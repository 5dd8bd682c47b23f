package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.NotFoundException;
import dev.billfold.base.TimeCursor;
import dev.billfold.staff.StaffAccess;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments for the provider's side (the API): any account's, filtered by account, status and creation time, newest
 * first and keyset-paged. {@link StaffAccess.Action#READ}.
 */
@Service
public class PaymentListQuery {

    public static final int PAGE_MAX = 100;
    private static final String ROW = """
            select id, account_id, payer_id, amount_value, amount_currency, credited_value, credited_currency, status,
                   method_kind, provider, created_at, updated_at
            from payment""";

    private final StaffAccess staff;
    private final JdbcClient jdbc;

    PaymentListQuery(StaffAccess staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PaymentLine payment(PaymentId id) {
        staff.require(StaffAccess.Action.READ, id);
        return jdbc.sql(ROW + " where id = ?").param(id.value()).query(PaymentListQuery::row).optional()
                .orElseThrow(() -> new NotFoundException("There is no such payment."));
    }

    /**
     * @param from   payments created at or after this time, or null
     * @param to     payments created before this time, or null
     * @param cursor the {@code next} of the page before, or null for the first page
     */
    @Transactional(readOnly = true)
    public PaymentLinePage payments(@Nullable AccountId accountId, @Nullable PaymentStatus status,
                                    @Nullable Instant from, @Nullable Instant to, @Nullable String cursor,
                                    int limit) {
        staff.require(StaffAccess.Action.READ, accountId);
        if (limit < 1 || limit > PAGE_MAX) {
            throw new InvalidRequestException("limit", "A page has 1 to %d items.".formatted(PAGE_MAX));
        }
        TimeCursor after = TimeCursor.decode(cursor);
        StringBuilder sql = new StringBuilder(ROW).append(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (accountId != null) {
            sql.append(" and account_id = ?");
            params.add(accountId.value());
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (from != null) {
            sql.append(" and created_at >= ?");
            params.add(utc(from));
        }
        if (to != null) {
            sql.append(" and created_at < ?");
            params.add(utc(to));
        }
        if (after != null) {
            sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
            params.add(utc(after.at()));
            params.add(utc(after.at()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit + 1);
        List<PaymentLine> rows = jdbc.sql(sql.toString()).params(params).query(PaymentListQuery::row).list();
        boolean more = rows.size() > limit;
        List<PaymentLine> page = more ? rows.subList(0, limit) : rows;
        return new PaymentLinePage(List.copyOf(page), more
                ? new TimeCursor(page.getLast().createdAt(), page.getLast().id().value()).encode() : null);
    }

    private static PaymentLine row(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("amount_currency").strip());
        BigDecimal credited = rs.getBigDecimal("credited_value");
        String creditedCurrency = rs.getString("credited_currency");
        return new PaymentLine(new PaymentId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                new PayerId(rs.getObject("payer_id", UUID.class)), Money.of(rs.getBigDecimal("amount_value"), currency),
                credited == null || creditedCurrency == null ? null
                        : Money.of(credited, Currency.getInstance(creditedCurrency.strip())),
                PaymentStatus.valueOf(rs.getString("status")), MethodKind.valueOf(rs.getString("method_kind")),
                rs.getString("provider"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
