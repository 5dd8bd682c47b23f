package dev.billfold.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The signed-in user, as services need it for their access checks. */
@Component
public class CurrentUser {

    private static final String MEMO = CurrentUser.class.getName();

    private final UserRepository users;

    CurrentUser(UserRepository users) {
        this.users = users;
    }

    /**
     * An OIDC user is found by issuer and subject only, never by name: a provider's subject "demo" must not become
     * the local user "demo".
     */
    public Optional<AppUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        // One lookup per HTTP request: a navigation asks for the user from the layout, the view and every service call
        // (docs/performance.md). Bound to the authentication object, so a sign-in within the request is never stale.
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST) instanceof Resolved resolved
                && resolved.authentication() == authentication) {
            return resolved.user();
        }
        Optional<AppUser> user = lookUp(authentication);
        if (request != null) {
            request.setAttribute(MEMO, new Resolved(authentication, user), RequestAttributes.SCOPE_REQUEST);
        }
        return user;
    }

    private Optional<AppUser> lookUp(Authentication authentication) {
        if (authentication instanceof ApiClientAuthentication api) {
            // An API client's own user, by id: never a person found by the key's name.
            return users.findById(api.client().userId());
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof OidcUser oidcUser) {
            return users.findByOidcIdentity(OidcSignIn.issuer(oidcUser), oidcUser.getSubject());
        }
        if (principal instanceof OAuth2AuthenticatedPrincipal) {
            // Plain OAuth2 (no ID token) proves no identity we accept.
            return Optional.empty();
        }
        return users.findByUsername(authentication.getName());
    }

    /**
     * The e-mail address the identity provider vouched for at this sign-in: an OIDC user's {@code email} with
     * {@code email_verified} true. Empty for everyone else: an unverified address is whatever the person typed into
     * their profile, and nobody verified a local (demo) user's address, which an operator wrote down.
     */
    public Optional<String> verifiedEmail() {
        if (find().isEmpty()
                || !(SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof OidcUser oidcUser)
                || !Boolean.TRUE.equals(oidcUser.getEmailVerified())) {
            return Optional.empty();
        }
        String email = oidcUser.getEmail();
        return email == null || email.isBlank() ? Optional.empty() : Optional.of(email.strip());
    }

    public AppUser require() {
        return find().orElseThrow(() -> new NotSignedInException());
    }

    private record Resolved(Authentication authentication, Optional<AppUser> user) {
    }

    /** Thrown when a service is called without a signed-in user that Billfold knows. */
    public static final class NotSignedInException extends AccessDeniedException {
        NotSignedInException() {
            super("Sign in to continue.");
        }
    }
}
