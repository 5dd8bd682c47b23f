package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What an account has already topped up in a day, for the daily caps. */
@Component
class DailyUsageQuery {

    private final JdbcClient jdbc;

    DailyUsageQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TopUpLimits.DailyUsage usage(AccountId accountId, Currency currency, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*), coalesce(sum(amount_value), 0) from payment
                        where account_id = ? and amount_currency = ? and created_at >= ? and created_at < ?
                          and status not in ('REJECTED', 'DELETED')""")
                .params(accountId.value(), currency.getCurrencyCode(), from.atOffset(ZoneOffset.UTC),
                        to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new TopUpLimits.DailyUsage(rs.getInt(1), Money.of(rs.getBigDecimal(2), currency)))
                .single();
    }

}
