package dev.billfold.adjustment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.security.UserId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The adjustments' table, and the account heads the form shows. A decision is a conditional update of a waiting
 * row: of two approvers at once, the second finds it decided and changes nothing.
 */
@Repository
class AdjustmentStore {

    private static final String ROW = """
            select ba.id, ba.account_id, a.account_number, a.name, ba.amount_value, ba.amount_currency, ba.category,
                   ba.note, ba.status, ru.display_name as requested_by, ba.requested_at, du.display_name as decided_by,
                   ba.decided_at, ba.decision_note, ba.requested_by = :me as mine
              from balance_adjustment ba
              join account a on a.id = ba.account_id
              join app_user ru on ru.id = ba.requested_by
              left join app_user du on du.id = ba.decided_by
            """;

    private final JdbcClient jdbc;

    AdjustmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(BalanceAdjustment adjustment) {
        jdbc.sql("""
                        insert into balance_adjustment (id, account_id, amount_value, amount_currency, category, note,
                          status, requested_by, requested_at, posted_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(adjustment.id().value(), adjustment.accountId().value(), adjustment.amount().value(),
                        adjustment.amount().currencyCode(), adjustment.category().name(), adjustment.note(),
                        adjustment.status().name(), adjustment.requestedBy().value(), utc(adjustment.requestedAt()),
                        utc(adjustment.postedAt()), adjustment.version())
                .update();
    }

    /** Writes a decision over the version it was made on; 0 when someone else decided first. */
    int decide(BalanceAdjustment decided) {
        return jdbc.sql("""
                        update balance_adjustment set status = ?, decided_by = ?, decided_at = ?, decision_note = ?,
                          posted_at = ?, version = ?
                         where id = ? and status = 'AWAITING_APPROVAL' and version = ?""")
                .params(decided.status().name(), decided.decidedBy() == null ? null : decided.decidedBy().value(),
                        utc(decided.decidedAt()), decided.decisionNote(), utc(decided.postedAt()), decided.version(),
                        decided.id().value(), decided.version() - 1)
                .update();
    }

    Optional<BalanceAdjustment> find(AdjustmentId id) {
        return jdbc.sql("select * from balance_adjustment where id = ?").param(id.value())
                .query((rs, n) -> new BalanceAdjustment(id, new AccountId(rs.getObject("account_id", UUID.class)),
                        money(rs), AdjustmentCategory.valueOf(rs.getString("category")), rs.getString("note"),
                        AdjustmentStatus.valueOf(rs.getString("status")),
                        new UserId(rs.getObject("requested_by", UUID.class)), instant(rs, "requested_at"),
                        rs.getObject("decided_by", UUID.class) == null ? null
                                : new UserId(rs.getObject("decided_by", UUID.class)),
                        instant(rs, "decided_at"), rs.getString("decision_note"), instant(rs, "posted_at"),
                        rs.getLong("version")))
                .optional();
    }

    Optional<AdjustmentRow> row(AdjustmentId id, UserId me) {
        return jdbc.sql(ROW + " where ba.id = :id").param("id", id.value()).param("me", me.value())
                .query(AdjustmentStore::row).optional();
    }

    /** The queue, oldest first. */
    List<AdjustmentRow> waiting(UserId me, int offset, int limit) {
        return jdbc.sql(ROW + """
                         where ba.status = 'AWAITING_APPROVAL'
                         order by ba.requested_at, ba.id limit :limit offset :offset""")
                .param("me", me.value()).param("limit", limit).param("offset", offset)
                .query(AdjustmentStore::row).list();
    }

    int waitingCount() {
        return jdbc.sql("select count(*) from balance_adjustment where status = 'AWAITING_APPROVAL'")
                .query(Integer.class).single();
    }

    Optional<AccountHead> account(AccountId id) {
        return jdbc.sql("""
                        select a.account_number, a.name, a.currency, b.amount_value
                          from account a left join account_balance b on b.account_id = a.id where a.id = ?""")
                .param(id.value())
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString(3).trim());
                    BigDecimal balance = rs.getBigDecimal(4);
                    return new AccountHead(rs.getString(1), rs.getString(2),
                            balance == null ? Money.zero(currency) : Money.of(balance, currency));
                })
                .optional();
    }

    record AccountHead(String number, String name, Money balance) {
    }

    private static AdjustmentRow row(ResultSet rs, int n) throws SQLException {
        return new AdjustmentRow(new AdjustmentId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("account_number"),
                rs.getString("name"), money(rs), AdjustmentCategory.valueOf(rs.getString("category")),
                rs.getString("note"), AdjustmentStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                instant(rs, "requested_at"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("decision_note"), rs.getBoolean("mine"));
    }

    private static Money money(ResultSet rs) throws SQLException {
        return Money.of(rs.getBigDecimal("amount_value"), Currency.getInstance(rs.getString("amount_currency").trim()));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
