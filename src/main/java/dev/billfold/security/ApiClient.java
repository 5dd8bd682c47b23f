package dev.billfold.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's system calling the API: an API key or an OAuth2 client. It acts through a user row of its own
 * ({@code userId}, never a person's and a member of no account), so that who requested what is recorded as for staff.
 *
 * @param userId the client's own user, for "requested by" columns and the audit trail
 * @param name   the key's name, or the OAuth2 client's id: the actor's name in the audit trail
 * @param scopes what it may do
 * @param client stable id for idempotency keys and rate limits: {@code key:<uuid>} or {@code jwt:<issuer>#<subject>}
 */
public record ApiClient(UserId userId, String name, Set<ApiScope> scopes, String client) {

    public ApiClient {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(client);
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    public boolean has(ApiScope scope) {
        return scopes.contains(scope);
    }
}
