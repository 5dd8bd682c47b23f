package dev.billfold.account;

import dev.billfold.security.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An owner's invitation to join an account. The token is kept only as its hash; the mail carries the token. */
record Invitation(
        InvitationId id,
        AccountId accountId,
        String email,
        Role role,
        String tokenHash,
        UserId invitedBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable UserId acceptedBy,
        @Nullable Instant acceptedAt) {

    Invitation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(role);
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("An invitation must expire after it was made");
        }
    }

    boolean isPending(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }
}
