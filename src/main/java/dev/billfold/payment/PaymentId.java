package dev.billfold.payment;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record PaymentId(UUID value) implements TypedId {

    public PaymentId {
        Objects.requireNonNull(value);
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }
}
