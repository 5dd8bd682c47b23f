package dev.billfold.statement;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record StatementImportId(UUID value) implements TypedId {

    public StatementImportId {
        Objects.requireNonNull(value);
    }

    public static StatementImportId random() {
        return new StatementImportId(UUID.randomUUID());
    }
}
