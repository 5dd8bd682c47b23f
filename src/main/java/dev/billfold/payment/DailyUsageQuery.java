package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
        return usage(accountId, currency, null, from, to);
    }

    /** The same, counting only the payments made through {@code provider} when one is named. */
    TopUpLimits.DailyUsage usage(AccountId accountId, Currency currency, @Nullable String provider, Instant from,
                                 Instant to) {
        return jdbc.sql("""
                        select count(*), coalesce(sum(amount_value), 0) from payment
                        where account_id = :account and amount_currency = :currency
                          and created_at >= :from and created_at < :to
                          and (cast(:provider as varchar(40)) is null or provider = :provider)
                          and status not in ('REJECTED', 'DELETED')""")
                .param("account", accountId.value()).param("currency", currency.getCurrencyCode())
                .param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC))
                .param("provider", provider)
                .query((rs, n) -> new TopUpLimits.DailyUsage(rs.getInt(1), Money.of(rs.getBigDecimal(2), currency)))
                .single();
    }

    /** What payments under keys starting with one of {@code keyPrefixes} came to since {@code since}, failed out. */
    Money totalUnderKeys(AccountId accountId, List<String> keyPrefixes, Instant since, Currency currency) {
        Money total = Money.zero(currency);
        for (String prefix : keyPrefixes) {
            total = total.plus(Money.of(jdbc.sql("""
                            select coalesce(sum(amount_value), 0) from payment
                             where account_id = ? and amount_currency = ? and idempotency_key like ?
                               and created_at >= ? and status not in ('REJECTED', 'DELETED')""")
                    .params(accountId.value(), currency.getCurrencyCode(), prefix + "%", since.atOffset(ZoneOffset.UTC))
                    .query(BigDecimal.class).single(), currency));
        }
        return total;
    }
}
