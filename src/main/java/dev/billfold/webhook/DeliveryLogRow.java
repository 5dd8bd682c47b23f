package dev.billfold.webhook;

import dev.billfold.account.AccountId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of an endpoint's delivery log.
 *
 * @param eventId    the event's id, which every attempt sends as {@code webhook-id}
 * @param lastStatus the receiver's HTTP status at the last attempt, if it answered
 * @param latencyMs  how long the last attempt took
 */
public record DeliveryLogRow(WebhookDeliveryId id, UUID eventId, EventType type, AccountId accountId, long sequence,
                             DeliveryStatus status, int attempts, @Nullable Integer lastStatus,
                             @Nullable String lastError, @Nullable Integer latencyMs, Instant createdAt,
                             @Nullable Instant deliveredAt, @Nullable Instant nextAttemptAt) {
}
