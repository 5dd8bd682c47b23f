package dev.billfold.account;

import dev.billfold.security.UserId;
import org.jspecify.annotations.Nullable;

/** A member as the API lists it: the user, how they sign in (issuer and subject), and the role. */
public record ProvisionedMember(UserId userId, String displayName, @Nullable String issuer, @Nullable String subject,
                                Role role) {
}
