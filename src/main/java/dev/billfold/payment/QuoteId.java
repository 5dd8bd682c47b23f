package dev.billfold.payment;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record QuoteId(UUID value) implements TypedId {

    public QuoteId {
        Objects.requireNonNull(value);
    }

    public static QuoteId random() {
        return new QuoteId(UUID.randomUUID());
    }
}
