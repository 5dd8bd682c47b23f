package dev.billfold.security;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Loads the user at the end of the OIDC code flow (Spring's {@link OidcUserService} validates the ID token and reads
 * the user info), then matches or creates our user for it.
 */
@Component
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);
    private static final int MAX_NAME = 200;
    private static final int MAX_EMAIL = 320;

    private final OidcUserService provider = new OidcUserService();
    private final OidcUsers users;

    OidcSignIn(OidcUsers users) {
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidcUser = provider.loadUser(request);
        String issuer = issuer(oidcUser);
        String email = email(oidcUser);
        boolean verified = Boolean.TRUE.equals(oidcUser.getEmailVerified());
        String locale = oidcUser.getLocale();
        try {
            users.signedIn(issuer, oidcUser.getSubject(), displayName(oidcUser), email, verified, locale);
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // Two first sign-ins of the same person raced (two tabs); the other one created the user, so match it.
            log.info("Concurrent first sign-in of {} at {}; matching the user just created", oidcUser.getSubject(),
                    issuer);
            users.signedIn(issuer, oidcUser.getSubject(), displayName(oidcUser), email, verified, locale);
        }
        return oidcUser;
    }

    /** The issuer exactly as the ID token names it; with the subject, the user's identity. */
    static String issuer(OidcUser user) {
        String issuer = user.getIdToken().getClaimAsString(IdTokenClaimNames.ISS);
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("ID token without an issuer");
        }
        return issuer;
    }

    /** The best name the provider offers; providers differ in which claims they fill. */
    static String displayName(OidcUser user) {
        String name = firstPresent(user.getFullName(),
                join(user.getGivenName(), user.getFamilyName()),
                user.getPreferredUsername(), user.getEmail(), user.getSubject());
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    private static @Nullable String email(OidcUser user) {
        String email = user.getEmail();
        return email == null || email.isBlank() || email.length() > MAX_EMAIL ? null : email.strip();
    }

    private static @Nullable String join(@Nullable String given, @Nullable String family) {
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String firstPresent(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        throw new IllegalStateException("ID token without a subject");
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
