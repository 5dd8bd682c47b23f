package dev.billfold.service;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record ServiceId(UUID value) implements TypedId {

    public ServiceId {
        Objects.requireNonNull(value);
    }

    public static ServiceId random() {
        return new ServiceId(UUID.randomUUID());
    }
}
