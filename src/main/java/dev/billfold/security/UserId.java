package dev.billfold.security;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) implements TypedId {

    public UserId {
        Objects.requireNonNull(value);
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }
}
