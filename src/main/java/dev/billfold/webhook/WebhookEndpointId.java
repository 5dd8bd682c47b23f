package dev.billfold.webhook;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record WebhookEndpointId(UUID value) implements TypedId {

    public WebhookEndpointId {
        Objects.requireNonNull(value);
    }

    static WebhookEndpointId random() {
        return new WebhookEndpointId(UUID.randomUUID());
    }
}
