package dev.billfold.ledger;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Insert-only access to the ledger, plus the cached balance that moves with it. */
@Repository
class LedgerEntryStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    LedgerEntryStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** A plain insert: entries are never updated, so the aggregate machinery (19% of a credit's CPU) buys nothing. */
    void append(LedgerEntry entry) {
        jdbc.sql("""
                        insert into ledger_entry (id, account_id, amount_value, amount_currency,
                          kind, reference, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.id().value(), entry.accountId().value(), entry.amount().value(),
                        entry.amount().currencyCode(), entry.kind().name(), entry.reference(),
                        entry.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** {@link #append} for many, as one JDBC batch. */
    void appendAll(List<LedgerEntry> batch) {
        jdbcTemplate.batchUpdate("""
                        insert into ledger_entry (id, account_id, amount_value, amount_currency,
                          kind, reference, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""", batch, 1000, (ps, entry) -> {
                    ps.setObject(1, entry.id().value());
                    ps.setObject(2, entry.accountId().value());
                    ps.setBigDecimal(3, entry.amount().value());
                    ps.setString(4, entry.amount().currencyCode());
                    ps.setString(5, entry.kind().name());
                    ps.setString(6, entry.reference());
                    ps.setObject(7, entry.createdAt().atOffset(ZoneOffset.UTC));
                });
    }

    /** {@link #addToBalance} for many, as one JDBC batch; the rows changed per move. */
    int[] addToBalances(List<Map.Entry<AccountId, Money>> moves) {
        int[][] counts = jdbcTemplate.batchUpdate("update account_balance set amount_value = amount_value + ? "
                + "where account_id = ? and amount_currency = ?", moves, 1000, (ps, move) -> {
                    ps.setBigDecimal(1, move.getValue().value());
                    ps.setObject(2, move.getKey().value());
                    ps.setString(3, move.getValue().currencyCode());
                });
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).toArray();
    }

    int addToBalance(AccountId accountId, Money delta) {
        return jdbc.sql("update account_balance set amount_value = amount_value + ? "
                        + "where account_id = ? and amount_currency = ?")
                .params(delta.value(), accountId.value(), delta.currencyCode()).update();
    }

    Optional<Money> cachedBalance(AccountId accountId) {
        return jdbc.sql("select amount_value, amount_currency from account_balance where account_id = ?")
                .param(accountId.value())
                .query((rs, n) -> Money.of(rs.getBigDecimal(1), Currency.getInstance(rs.getString(2).trim())))
                .optional();
    }

    Optional<Money> lockedBalance(AccountId accountId) {
        return jdbc.sql("select amount_value, amount_currency from account_balance where account_id = ? for update")
                .param(accountId.value())
                .query((rs, n) -> Money.of(rs.getBigDecimal(1), Currency.getInstance(rs.getString(2).trim())))
                .optional();
    }

    Optional<Instant> createdAt(LedgerEntryKind kind, String reference) {
        return jdbc.sql("select created_at from ledger_entry where kind = ? and reference = ?")
                .params(kind.name(), reference)
                .query((rs, n) -> rs.getObject("created_at", OffsetDateTime.class).toInstant())
                .optional();
    }

    BigDecimal sumOfEntries(AccountId accountId) {
        return jdbc.sql("select coalesce(sum(amount_value), 0) from ledger_entry where account_id = ?")
                .param(accountId.value()).query(BigDecimal.class).single();
    }
}
