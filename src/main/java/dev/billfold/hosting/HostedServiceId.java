package dev.billfold.hosting;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record HostedServiceId(UUID value) implements TypedId {

    public HostedServiceId {
        Objects.requireNonNull(value);
    }

    public static HostedServiceId random() {
        return new HostedServiceId(UUID.randomUUID());
    }
}
