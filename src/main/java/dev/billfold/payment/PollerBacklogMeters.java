package dev.billfold.payment;

import dev.billfold.base.Backlog;
import dev.billfold.base.CachedReading;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.PaymentGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reconciliation poller's backlog per provider (DD-084): {@code billfold.poller.backlog.depth} counts the
 * checkouts and saved-method charges due to be asked about now, {@code billfold.poller.backlog.oldest.age} is the age
 * of the oldest payment still waiting for its provider's answer (a checkout or charge, waiting, or held with its
 * outcome open). A growing age means the poller is not getting through, whatever the cause. One grouped query for all
 * providers, at most once per {@code billfold.metrics.count-cache}.
 */
@Component
class PollerBacklogMeters {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CachedReading<Map<String, Backlog>> reading;

    PollerBacklogMeters(JdbcClient jdbc, Clock clock, GatewayRegistry gateways, MeterRegistry registry,
                        @Value("${billfold.metrics.count-cache:15s}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reading = new CachedReading<>(ttl, this::read);
        for (PaymentGateway gateway : gateways.enabled()) {
            String provider = gateway.id();
            Backlog.gauges(registry, "billfold.poller.backlog", Tags.of("provider", provider),
                    () -> reading.get().getOrDefault(provider, Backlog.EMPTY), clock);
        }
    }

    private Map<String, Backlog> read() {
        Map<String, Backlog> backlogs = new HashMap<>();
        jdbc.sql("""
                        select provider,
                               sum(case when next_check_at is null or next_check_at <= :now then 1 else 0 end),
                               min(created_at)
                          from payment
                         where (status = 'WAITING_FOR_PAYMENT'
                             or (status = 'WAITING_FOR_CLARIFICATION' and outcome_open))
                           and method_kind in ('CHECKOUT', 'SAVED_METHOD') and provider is not null
                         group by provider""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> backlogs.put(rs.getString(1),
                        new Backlog(rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant())))
                .list();
        return backlogs;
    }
}
