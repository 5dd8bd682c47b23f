package dev.billfold.webhook;

import dev.billfold.base.Backlog;
import dev.billfold.base.CachedReading;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outgoing webhooks' outbox (DD-075, DD-084): {@code billfold.outbox.depth{outbox="webhooks"}}, the deliveries not
 * delivered or given up yet (pending a retry, or being sent), and {@code billfold.outbox.oldest.age}, how long the
 * oldest of them has waited. A receiver that is down keeps its deliveries here for the retry schedule, so the age
 * alert allows for that schedule. Cached like every counting gauge ({@code billfold.metrics.count-cache}).
 */
@Component
class WebhookOutboxMeters {

    WebhookOutboxMeters(JdbcClient jdbc, Clock clock, MeterRegistry registry,
                     @Value("${billfold.metrics.count-cache:15s}") Duration ttl) {
        CachedReading<Backlog> reading = new CachedReading<>(ttl, () -> jdbc.sql("""
                        select count(*), min(created_at) from webhook_delivery
                         where status in ('PENDING', 'SENDING')""")
                .query((rs, row) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                }).single());
        Backlog.gauges(registry, "billfold.outbox", Tags.of("outbox", "webhooks"), reading, clock);
    }
}
