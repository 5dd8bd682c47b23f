package dev.billfold.refund;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record RefundRequestId(UUID value) implements TypedId {

    public RefundRequestId {
        Objects.requireNonNull(value);
    }

    public static RefundRequestId random() {
        return new RefundRequestId(UUID.randomUUID());
    }
}
