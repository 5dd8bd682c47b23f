package dev.billfold.account;

import java.time.Instant;

/** A pending invitation as the members page lists it. */
public record InvitationSummary(InvitationId id, String email, Role role, Instant expiresAt) {
}
