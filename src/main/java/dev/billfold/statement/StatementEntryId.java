package dev.billfold.statement;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record StatementEntryId(UUID value) implements TypedId {

    public StatementEntryId {
        Objects.requireNonNull(value);
    }

    public static StatementEntryId random() {
        return new StatementEntryId(UUID.randomUUID());
    }
}
