package dev.billfold.apikey;

import dev.billfold.security.ApiScope;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One key as the back office lists it: never the key itself, only its first characters. */
public record ApiKeyRow(ApiKeyId id, String name, String hint, Set<ApiScope> scopes, List<String> ipRanges,
                        Instant createdAt, String createdBy, @Nullable Instant lastUsedAt,
                        @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
