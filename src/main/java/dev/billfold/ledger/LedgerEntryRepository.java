package dev.billfold.ledger;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Insert-only access to the ledger, plus the cached balance that moves with it. */
@Repository
class LedgerEntryRepository {

    private final JdbcAggregateOperations aggregates;
    private final JdbcClient jdbc;

    LedgerEntryRepository(JdbcAggregateOperations aggregates, JdbcClient jdbc) {
        this.aggregates = aggregates;
        this.jdbc = jdbc;
    }

    void append(LedgerEntry entry) {
        aggregates.insert(entry);
    }

    int addToBalance(AccountId accountId, Money delta) {
        return jdbc.sql("update account_balance set amount_value = amount_value + ? where account_id = ? and amount_currency = ?")
                .params(delta.value(), accountId.value(), delta.currencyCode()).update();
    }

    Optional<Money> cachedBalance(AccountId accountId) {
        return jdbc.sql("select amount_value, amount_currency from account_balance where account_id = ?")
                .param(accountId.value())
                .query((rs, n) -> Money.of(rs.getBigDecimal(1), Currency.getInstance(rs.getString(2).trim())))
                .optional();
    }

    BigDecimal sumOfEntries(AccountId accountId) {
        return jdbc.sql("select coalesce(sum(amount_value), 0) from ledger_entry where account_id = ?")
                .param(accountId.value()).query(BigDecimal.class).single();
    }
}
