package dev.billfold.security;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in. Which accounts they may act for is membership, kept by the account feature. */
@Table("app_user")
public record AppUser(
        @Id UserId id,
        String username,
        String displayName,
        @Nullable String email,
        @Version @Nullable Long version) {

    public AppUser {
        Objects.requireNonNull(id);
        if (username.isBlank()) {
            throw new IllegalArgumentException("A user needs a username");
        }
    }

    AppUser withVersion(Long newVersion) {
        return new AppUser(id, username, displayName, email, newVersion);
    }
}
