package dev.billfold.account;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record AccountId(UUID value) implements TypedId {

    public AccountId {
        Objects.requireNonNull(value);
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }
}
