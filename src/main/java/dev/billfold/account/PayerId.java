package dev.billfold.account;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record PayerId(UUID value) implements TypedId {

    public PayerId {
        Objects.requireNonNull(value);
    }

    public static PayerId random() {
        return new PayerId(UUID.randomUUID());
    }
}
