package dev.billfold.ledger;

import dev.billfold.account.AccountId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.TimeCursor;
import dev.billfold.staff.StaffAccess;
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
 * Ledger entries for the provider's side (the API): any account's, filtered by account and time, newest first and
 * keyset-paged. {@link StaffAccess.Action#READ}.
 */
@Service
public class LedgerQuery {

    public static final int PAGE_MAX = 100;

    private final StaffAccess staff;
    private final JdbcClient jdbc;

    LedgerQuery(StaffAccess staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    /**
     * @param from    entries at or after this time, or null
     * @param to      entries before this time, or null
     * @param cursor  the {@code next} of the page before, or null for the first page
     */
    @Transactional(readOnly = true)
    public LedgerPage entries(@Nullable AccountId accountId, @Nullable Instant from, @Nullable Instant to,
                              @Nullable String cursor, int limit) {
        staff.require(StaffAccess.Action.READ, accountId);
        if (limit < 1 || limit > PAGE_MAX) {
            throw new InvalidRequestException("limit", "A page has 1 to %d items.".formatted(PAGE_MAX));
        }
        TimeCursor after = TimeCursor.decode(cursor);
        StringBuilder sql = new StringBuilder("""
                select id, account_id, amount_value, amount_currency, kind, reference, created_at
                from ledger_entry where 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (accountId != null) {
            sql.append(" and account_id = ?");
            params.add(accountId.value());
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
        List<LedgerLine> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            Currency currency = Currency.getInstance(rs.getString("amount_currency").strip());
            return new LedgerLine(new LedgerEntryId(rs.getObject("id", UUID.class)),
                    new AccountId(rs.getObject("account_id", UUID.class)),
                    Money.of(rs.getBigDecimal("amount_value"), currency),
                    LedgerEntryKind.valueOf(rs.getString("kind")), rs.getString("reference"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant());
        }).list();
        boolean more = rows.size() > limit;
        List<LedgerLine> page = more ? rows.subList(0, limit) : rows;
        return new LedgerPage(List.copyOf(page), more
                ? new TimeCursor(page.getLast().createdAt(), page.getLast().id().value()).encode() : null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
