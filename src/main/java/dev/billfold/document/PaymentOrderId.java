package dev.billfold.document;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record PaymentOrderId(UUID value) implements TypedId {

    public PaymentOrderId {
        Objects.requireNonNull(value);
    }

    public static PaymentOrderId random() {
        return new PaymentOrderId(UUID.randomUUID());
    }
}
