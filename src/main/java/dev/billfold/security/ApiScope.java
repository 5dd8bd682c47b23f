package dev.billfold.security;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an API client (an API key or an OAuth2 client's token) may do. Held as the authority {@code SCOPE_<value>},
 * which is also how Spring's resource server names the scopes of a JWT, so both kinds of client look alike to the
 * services (DD-073).
 */
public enum ApiScope {
    /** Read accounts, members, payers, services, payments and the ledger. */
    READ("read"),
    /** Create and rename accounts, link and remove members, manage payers. */
    WRITE_ACCOUNTS("accounts:write"),
    /** Create and change hosted services. */
    WRITE_SERVICES("services:write"),
    /** Post balance adjustments (under the same four-eyes rule as staff). */
    WRITE_BALANCE("balance:write");

    private static final String PREFIX = "SCOPE_";

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    /** As written in a key's settings, a token's scope claim and the OpenAPI document: {@code accounts:write}. */
    public String value() {
        return value;
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority(PREFIX + value);
    }

    public static Optional<ApiScope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
