package dev.billfold.audit;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record AuditEntryId(UUID value) implements TypedId {

    public AuditEntryId {
        Objects.requireNonNull(value);
    }

    public static AuditEntryId random() {
        return new AuditEntryId(UUID.randomUUID());
    }
}
