package dev.billfold.account;

import dev.billfold.security.UserId;
import org.jspecify.annotations.Nullable;

/** A member as the members page lists it. */
public record MemberSummary(UserId userId, String displayName, @Nullable String email, Role role, boolean isYou) {
}
