package dev.billfold.ledger;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record LedgerEntryId(UUID value) implements TypedId {

    public LedgerEntryId {
        Objects.requireNonNull(value);
    }

    public static LedgerEntryId random() {
        return new LedgerEntryId(UUID.randomUUID());
    }
}
