package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The payment_quote rows: written once, read by id. */
@Component
class QuoteStore {

    private final JdbcClient jdbc;

    QuoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Quote quote) {
        jdbc.sql("""
                        insert into payment_quote (id, account_id, pay_value, pay_currency, credited_value,
                                                   credited_currency, rate, mid_rate, spread_percent, rate_source,
                                                   rate_date, rate_fetched_at, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(quote.id().value(), quote.accountId().value(), quote.pay().value(),
                        quote.pay().currency().getCurrencyCode(), quote.credited().value(),
                        quote.credited().currency().getCurrencyCode(), quote.rate(), quote.midRate(),
                        quote.spreadPercent(), quote.rateSource(), quote.rateDate(),
                        Timestamp.from(quote.rateFetchedAt()), Timestamp.from(quote.createdAt()),
                        Timestamp.from(quote.expiresAt()))
                .update();
    }

    Optional<Quote> find(QuoteId id) {
        return jdbc.sql("select * from payment_quote where id = ?").param(id.value())
                .query((rs, n) -> quote(rs)).optional();
    }

    private static Quote quote(ResultSet rs) throws SQLException {
        return new Quote(new QuoteId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                money(rs, "pay"), money(rs, "credited"), rs.getBigDecimal("rate"), rs.getBigDecimal("mid_rate"),
                rs.getBigDecimal("spread_percent"), rs.getString("rate_source"),
                rs.getObject("rate_date", LocalDate.class), rs.getTimestamp("rate_fetched_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
    }

    private static Money money(ResultSet rs, String prefix) throws SQLException {
        return Money.of(rs.getBigDecimal(prefix + "_value"),
                Currency.getInstance(rs.getString(prefix + "_currency").strip()));
    }
}
