package dev.billfold.apikey;

import dev.billfold.security.ApiScope;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an Admin types for a new key: checked by {@link ApiKeys#create}, which says what is wrong.
 *
 * @param ipRanges CIDR ranges or single addresses, separated by commas, spaces or new lines; blank: anywhere
 */
public record ApiKeyDraft(String name, Set<ApiScope> scopes, @Nullable String ipRanges) {

    public ApiKeyDraft {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }
}
