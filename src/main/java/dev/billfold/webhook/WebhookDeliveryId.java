package dev.billfold.webhook;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record WebhookDeliveryId(UUID value) implements TypedId {

    public WebhookDeliveryId {
        Objects.requireNonNull(value);
    }

    static WebhookDeliveryId random() {
        return new WebhookDeliveryId(UUID.randomUUID());
    }
}
