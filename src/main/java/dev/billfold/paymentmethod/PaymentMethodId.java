package dev.billfold.paymentmethod;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record PaymentMethodId(UUID value) implements TypedId {

    public PaymentMethodId {
        Objects.requireNonNull(value);
    }

    public static PaymentMethodId random() {
        return new PaymentMethodId(UUID.randomUUID());
    }
}
