package dev.billfold.notification;

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
 * The mail outbox (DD-066, DD-084): {@code billfold.outbox.depth{outbox="mail"}}, the mails not sent yet (queued, or
 * being sent), and {@code billfold.outbox.oldest.age}, how long the oldest of them has waited. Cached like every
 * counting gauge ({@code billfold.metrics.count-cache}).
 */
@Component
class MailOutboxMeters {

    MailOutboxMeters(JdbcClient jdbc, Clock clock, MeterRegistry registry,
                     @Value("${billfold.metrics.count-cache:15s}") Duration ttl) {
        CachedReading<Backlog> reading = new CachedReading<>(ttl, () -> jdbc.sql("""
                        select count(*), min(created_at) from mail_log where status in ('QUEUED', 'SENDING')""")
                .query((rs, row) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                }).single());
        Backlog.gauges(registry, "billfold.outbox", Tags.of("outbox", "mail"), reading, clock);
    }
}
