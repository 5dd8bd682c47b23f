package dev.billfold.adjustment;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record AdjustmentId(UUID value) implements TypedId {

    public AdjustmentId {
        Objects.requireNonNull(value);
    }

    public static AdjustmentId random() {
        return new AdjustmentId(UUID.randomUUID());
    }

    /** The ledger entry's cause: unique per adjustment, so it can be posted at most once. */
    public String ledgerReference() {
        return "adjustment:" + value;
    }
}
