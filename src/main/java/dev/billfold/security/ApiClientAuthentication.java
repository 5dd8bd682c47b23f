package dev.billfold.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of an API request, whichever way the client proved itself. {@link CurrentUser} finds the client's
 * own user by id (never by name, so a key called "demo" is not the demo user), and the audit trail records the client
 * by name as an API actor.
 */
public final class ApiClientAuthentication extends AbstractAuthenticationToken {

    /** Held by every API client, never by a person's sign-in. */
    public static final String AUTHORITY = "ROLE_API_CLIENT";

    private final ApiClient client;

    public ApiClientAuthentication(ApiClient client) {
        super(authorities(client));
        this.client = client;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(ApiClient client) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(AUTHORITY));
        client.scopes().forEach(scope -> authorities.add(scope.authority()));
        return authorities;
    }

    public ApiClient client() {
        return client;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return client;
    }

    @Override
    public String getName() {
        return client.name();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiClientAuthentication that && that.client.equals(client);
    }

    @Override
    public int hashCode() {
        return client.hashCode();
    }
}
