package dev.billfold.ledger;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Insert-only access to the ledger, plus the cached balance that moves with it. */
@Repository
class LedgerEntryStore {

    /** Parameters: the delta twice, now, the account, the currency. */
    private static final String MOVE_BALANCE = """
            update account_balance set amount_value = amount_value + ?,
              negative_since = case when amount_value + ? < 0 then coalesce(negative_since, ?) end
            where account_id = ? and amount_currency = ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    LedgerEntryStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
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
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int[][] counts = jdbcTemplate.batchUpdate(MOVE_BALANCE, moves, 1000, (ps, move) -> {
                    ps.setBigDecimal(1, move.getValue().value());
                    ps.setBigDecimal(2, move.getValue().value());
                    ps.setObject(3, now);
                    ps.setObject(4, move.getKey().value());
                    ps.setString(5, move.getValue().currencyCode());
                });
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).toArray();
    }

    /**
     * Moves the balance, and with it since when it is below zero, in one statement (a SET expression reads the row as
     * it was). With {@code neverBelowZero} the row is not changed when the balance would go below zero.
     */
    int addToBalance(AccountId accountId, Money delta, boolean neverBelowZero) {
        return jdbc.sql(neverBelowZero ? MOVE_BALANCE + " and amount_value + ? >= 0" : MOVE_BALANCE)
                .params(neverBelowZero
                        ? new Object[] {delta.value(), delta.value(), OffsetDateTime.now(clock)
                                .withOffsetSameInstant(ZoneOffset.UTC), accountId.value(), delta.currencyCode(),
                                delta.value()}
                        : new Object[] {delta.value(), delta.value(), OffsetDateTime.now(clock)
                                .withOffsetSameInstant(ZoneOffset.UTC), accountId.value(), delta.currencyCode()})
                .update();
    }

    /** Accounts whose balance has been below zero since before {@code before}, longest first. */
    List<AccountId> negativeSince(Instant before, int limit) {
        return jdbc.sql("""
                        select account_id from account_balance where negative_since < ?
                        order by negative_since, account_id limit ?""")
                .params(before.atOffset(ZoneOffset.UTC), limit)
                .query((rs, n) -> new AccountId(rs.getObject(1, UUID.class))).list();
    }

    Optional<Instant> negativeSince(AccountId accountId) {
        return jdbc.sql("select negative_since from account_balance where account_id = ?").param(accountId.value())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .optional().flatMap(found -> found);
    }

    /** The newest entry of one of {@code kinds}, as (kind, reference). */
    Optional<Map.Entry<LedgerEntryKind, String>> latest(AccountId accountId, List<LedgerEntryKind> kinds) {
        return jdbc.sql("""
                        select kind, reference from ledger_entry where account_id = :account and kind in (:kinds)
                        order by created_at desc, seq_no desc limit 1""")
                .param("account", accountId.value()).param("kinds", kinds.stream().map(Enum::name).toList())
                .query((rs, n) -> Map.entry(LedgerEntryKind.valueOf(rs.getString(1)), rs.getString(2)))
                .optional();
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
