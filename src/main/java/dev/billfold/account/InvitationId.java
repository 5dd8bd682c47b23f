package dev.billfold.account;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record InvitationId(UUID value) implements TypedId {

    public InvitationId {
        Objects.requireNonNull(value);
    }

    public static InvitationId random() {
        return new InvitationId(UUID.randomUUID());
    }
}
