package dev.billfold.security;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who signs in: with a local username (the demo users) or through an OIDC provider, known by issuer and
 * subject. Which accounts they may act for is membership, kept by the account feature.
 */
@Table("app_user")
public record AppUser(
        @Id UserId id,
        @Nullable String username,
        String displayName,
        @Nullable String email,
        @Nullable String oidcIssuer,
        @Nullable String oidcSubject,
        @Version @Nullable Long version) {

    public AppUser {
        Objects.requireNonNull(id);
        if ((oidcIssuer == null) != (oidcSubject == null)) {
            throw new IllegalArgumentException("An OIDC identity needs both issuer and subject");
        }
        if ((username == null || username.isBlank()) && oidcSubject == null) {
            throw new IllegalArgumentException("A user needs a username or an OIDC identity");
        }
    }

    /** A user first seen at sign-in through an OIDC provider. */
    static AppUser fromOidc(String issuer, String subject, String displayName, @Nullable String email) {
        return new AppUser(UserId.random(), null, displayName, email, issuer, subject, null);
    }

    AppUser withVersion(Long newVersion) {
        return new AppUser(id, username, displayName, email, oidcIssuer, oidcSubject, newVersion);
    }

    /** Name and email as the provider says today; they may change there at any time. */
    AppUser withProfile(String newDisplayName, @Nullable String newEmail) {
        return new AppUser(id, username, newDisplayName, newEmail, oidcIssuer, oidcSubject, version);
    }
}
