package dev.billfold.hosting;

import dev.billfold.base.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per service and paid period, written next to its ledger entry; its primary key is the renewal's own unique
 * key.
 */
@Repository
class RenewalChargeStore {

    enum Source { MANUAL, ORDER, AUTO }

    private final JdbcClient jdbc;

    RenewalChargeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(HostedService service, PaidPeriod period, Money amount, String ledgerReference, Source source,
                Instant now) {
        jdbc.sql("""
                        insert into renewal_charge (service_id, period_start, period_end, account_id, amount_value,
                          amount_currency, ledger_reference, source, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(service.id().value(), period.start(), period.end(), service.accountId().value(), amount.value(),
                        amount.currencyCode(), ledgerReference, source.name(), now.atOffset(ZoneOffset.UTC))
                .update();
    }
}
