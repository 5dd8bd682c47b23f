package dev.billfold.security;

import dev.billfold.base.InternalCall;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Users who sign in through an OIDC provider: matched by issuer and subject, created on their first sign-in. */
@Service
class OidcUsers {

    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    OidcUsers(UserRepository users, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.users = users;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The user with this identity, created if new, with name and email as the provider says today. Never matched by
     * email or name: those can change hands at the provider, issuer and subject cannot.
     */
    @InternalCall("the OIDC sign-in itself: it finds or creates the user, so nobody is signed in yet")
    public AppUser signedIn(String issuer, String subject, String displayName, @Nullable String email,
                            boolean emailVerified, @Nullable String locale) {
        try {
            return transaction.execute(
                    status -> signInOnce(issuer, subject, displayName, email, emailVerified, locale));
        } catch (DuplicateKeyException | OptimisticLockingFailureException concurrentSignIn) {
            // The same person signing in twice at once (two tabs, a double click on the provider's page): the other
            // sign-in created or updated the user first, so the second try finds it.
            return transaction.execute(
                    status -> signInOnce(issuer, subject, displayName, email, emailVerified, locale));
        }
    }

    private AppUser signInOnce(String issuer, String subject, String displayName, @Nullable String email,
            boolean emailVerified, @Nullable String locale) {
        AppUser user = users.findByOidcIdentity(issuer, subject)
                .map(known -> known.displayName().equals(displayName) && Objects.equals(known.email(), email) ? known
                        : users.save(known.withProfile(displayName, email)))
                .orElseGet(() -> users.save(AppUser.fromOidc(issuer, subject, displayName, email)));
        events.publishEvent(new UserSignedIn(user.id(), email, emailVerified, locale));
        return user;
    }
}
