package dev.billfold.document;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record PowerOfAttorneyId(UUID value) implements TypedId {

    public PowerOfAttorneyId {
        Objects.requireNonNull(value);
    }

    public static PowerOfAttorneyId random() {
        return new PowerOfAttorneyId(UUID.randomUUID());
    }
}
