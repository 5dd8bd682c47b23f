package dev.billfold.fxrate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The fx_rate rows: written by (source, pair, date), read as the latest day of each source's pair. */
@Component
class FxRateStore {

    private final JdbcClient jdbc;

    FxRateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: the same rate fetched twice, or by two nodes at once, is one row. */
    void save(PublishedRate rate, Instant fetchedAt) {
        var at = Timestamp.from(fetchedAt);
        int updated = jdbc.sql("""
                        update fx_rate set rate = ?, fetched_at = ?
                         where source = ? and base_currency = ? and quote_currency = ? and rate_date = ?""")
                .params(rate.rate(), at, rate.source(), rate.pair().base().getCurrencyCode(),
                        rate.pair().quote().getCurrencyCode(), rate.date())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into fx_rate (source, base_currency, quote_currency, rate, rate_date, fetched_at)
                            values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(rate.source(), rate.pair().base().getCurrencyCode(),
                            rate.pair().quote().getCurrencyCode(), rate.rate(), rate.date(), at)
                    .update();
        }
    }

    /** Each source's pair on its latest day. */
    List<StoredRate> latest() {
        return jdbc.sql("""
                        select source, base_currency, quote_currency, rate, rate_date, fetched_at from fx_rate r
                         where rate_date = (select max(x.rate_date) from fx_rate x where x.source = r.source
                                               and x.base_currency = r.base_currency
                                               and x.quote_currency = r.quote_currency)""")
                .query((rs, n) -> new StoredRate(new PublishedRate(rs.getString("source"),
                        new CurrencyPair(Currency.getInstance(rs.getString("base_currency").strip()),
                                Currency.getInstance(rs.getString("quote_currency").strip())),
                        rs.getBigDecimal("rate"), rs.getObject("rate_date", LocalDate.class)),
                        rs.getTimestamp("fetched_at").toInstant()))
                .list();
    }
}
