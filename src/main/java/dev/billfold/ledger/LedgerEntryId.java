package dev.billfold.ledger;

import dev.billfold.base.TypedId;
import java.util.UUID;

public record LedgerEntryId(UUID value) implements TypedId {

    public LedgerEntryId {
        java.util.Objects.requireNonNull(value);
    }

    public static LedgerEntryId random() {
        return new LedgerEntryId(UUID.randomUUID());
    }
}
