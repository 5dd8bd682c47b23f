package dev.billfold.security;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users who sign in through an OIDC provider: matched by issuer and subject, created on their first sign-in. */
@Service
class OidcUsers {

    private final UserRepository users;
    private final ApplicationEventPublisher events;

    OidcUsers(UserRepository users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    /**
     * The user with this identity, created if new, with name and email as the provider says today. Never matched by
     * email or name: those can change hands at the provider, issuer and subject cannot.
     */
    @Transactional
    public AppUser signedIn(String issuer, String subject, String displayName, @Nullable String email, boolean emailVerified) {
        AppUser user = users.findByOidcIdentity(issuer, subject)
                .map(known -> known.displayName().equals(displayName) && Objects.equals(known.email(), email) ? known
                        : users.save(known.withProfile(displayName, email)))
                .orElseGet(() -> users.save(AppUser.fromOidc(issuer, subject, displayName, email)));
        events.publishEvent(new UserSignedIn(user.id(), email, emailVerified));
        return user;
    }
}
