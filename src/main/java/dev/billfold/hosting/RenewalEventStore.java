package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to renewals, as the customer is told; append-only. */
@Repository
class RenewalEventStore {

    private final JdbcClient jdbc;

    RenewalEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(AccountId accountId, @Nullable HostedServiceId serviceId, RenewalActivity.Kind kind, String message,
                Instant at) {
        jdbc.sql("insert into renewal_event (id, account_id, service_id, kind, message, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), accountId.value(), serviceId == null ? null : serviceId.value(), kind.name(),
                        message.length() > 500 ? message.substring(0, 497) + "..." : message,
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    List<RenewalActivity> latest(AccountId accountId, int limit) {
        return jdbc.sql("""
                        select e.created_at, s.name, e.kind, e.message from renewal_event e
                        left join hosted_service s on s.id = e.service_id
                        where e.account_id = ? order by e.created_at desc, e.id desc limit ?""")
                .params(accountId.value(), limit)
                .query((rs, n) -> new RenewalActivity(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getString(2), RenewalActivity.Kind.valueOf(rs.getString(3)), rs.getString(4)))
                .list();
    }
}
