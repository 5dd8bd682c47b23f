package dev.billfold.security;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user rows API clients act through (DD-073). Such a user has a username no sign-in form accepts (a colon, which
 * the demo users' names and OIDC never produce here, since OIDC users are found by issuer and subject) and belongs to
 * no account; it exists so that "requested by" and the audit trail name the client as they name a staff member.
 */
@Component
public class ApiClientUsers {

    private static final int NAME_MAX = 200;

    private final UserRepository users;

    ApiClientUsers(UserRepository users) {
        this.users = users;
    }

    /**
     * The user of {@code client} (for example {@code api-key:<uuid>}), created on first use with {@code displayName}
     * and renamed when that changed. Runs in the caller's transaction: the staff Admin's key creation, or the first
     * request of an OAuth2 client.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public UserId userFor(String client, String displayName) {
        String username = "api:" + client;
        if (username.length() > NAME_MAX) {
            throw new IllegalArgumentException("An API client's name is too long: " + client.length());
        }
        String shown = displayName.length() > NAME_MAX ? displayName.substring(0, NAME_MAX) : displayName;
        return users.findByUsername(username)
                .map(user -> user.displayName().equals(shown) ? user : users.save(user.withProfile(shown, null)))
                .orElseGet(() -> users.save(new AppUser(UserId.random(), username, shown, null, null, null, null)))
                .id();
    }

    /**
     * The user with this OIDC identity, created (as their first sign-in would) when they never signed in yet: the
     * provider links its customer's people before they come. Found by issuer and subject only, as at sign-in. Runs
     * in the caller's transaction, after the caller checked that the client may change the account's members.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UserId oidcUser(String issuer, String subject, String displayName) {
        return users.findByOidcIdentity(issuer, subject).map(AppUser::id)
                .orElseGet(() -> users.save(AppUser.fromOidc(issuer, subject, displayName, null)).id());
    }
}
