package dev.billfold.webhook;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as staff see it; never its secret.
 *
 * @param previousSecretUntil while set and in the future, the rotated secret still signs next to the new one
 */
public record EndpointSummary(WebhookEndpointId id, String url, String description, List<EventType> types,
                              boolean enabled, @Nullable String disabledReason, @Nullable Instant previousSecretUntil,
                              Instant createdAt) {

    public EndpointSummary {
        types = List.copyOf(types);
    }
}
