package dev.billfold.refund;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record RefundPartId(UUID value) implements TypedId {

    public RefundPartId {
        Objects.requireNonNull(value);
    }

    public static RefundPartId random() {
        return new RefundPartId(UUID.randomUUID());
    }
}
