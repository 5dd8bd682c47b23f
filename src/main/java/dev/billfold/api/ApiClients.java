package dev.billfold.api;

import dev.billfold.security.ApiClient;
import dev.billfold.security.ApiClientAuthentication;
import dev.billfold.security.ApiClientUsers;
import dev.billfold.security.ApiScope;
import dev.billfold.security.UserId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * OAuth2 client-credentials tokens from the provider's identity server, as the alternative to API keys (DD-073):
 * signed by the configured issuer (its keys from its discovery document, fetched at the first token), naming the
 * configured audience, with the scopes in the configured claim. Each client acts through a user of its own, as a key
 * does, named by its client id.
 */
@Component
class ApiClients {

    private final ApiProperties properties;
    private final ApiClientUsers users;
    /** Users by client, so a busy client is not a lookup per request; a renamed client id is a new client anyway. */
    private final ConcurrentMap<String, UserId> known = new ConcurrentHashMap<>();

    ApiClients(ApiProperties properties, ApiClientUsers users) {
        this.properties = properties;
        this.users = users;
    }

    JwtDecoder decoder() {
        ApiProperties.OAuth2 oauth2 = properties.oauth2();
        String issuer = Objects.requireNonNull(oauth2.issuerUri());
        // Lazy: the issuer's discovery document is read at the first token, so start-up does not need the issuer up.
        JwtDecoder[] built = new JwtDecoder[1];
        return token -> {
            JwtDecoder decoder;
            synchronized (built) {
                if (built[0] == null) {
                    NimbusJwtDecoder nimbus = NimbusJwtDecoder.withIssuerLocation(issuer).build();
                    nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                            JwtValidators.createDefaultWithIssuer(issuer), audience(oauth2.audience())));
                    built[0] = nimbus;
                }
                decoder = built[0];
            }
            return decoder.decode(token);
        };
    }

    ApiClientAuthentication authenticate(Jwt jwt) {
        String issuer = jwt.getIssuer() == null ? "" : jwt.getIssuer().toString();
        String clientId = firstOf(jwt, "client_id", "azp");
        String subject = jwt.getSubject() == null ? clientId : jwt.getSubject();
        String name = clientId == null || clientId.isBlank() ? subject : clientId;
        String client = "jwt:" + issuer + "#" + subject;
        UserId user = known.computeIfAbsent(client, id -> users.userFor(id, name));
        return new ApiClientAuthentication(new ApiClient(user, name, scopes(jwt), client));
    }

    private Set<ApiScope> scopes(Jwt jwt) {
        Object claim = jwt.getClaims().get(properties.oauth2().scopeClaim());
        Collection<?> values = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.split(" ")) : List.of();
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        values.stream().map(String::valueOf).map(ApiScope::of).flatMap(java.util.Optional::stream)
                .forEach(scopes::add);
        return scopes;
    }

    private static @Nullable String firstOf(Jwt jwt, String... claims) {
        for (String claim : claims) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static OAuth2TokenValidator<Jwt> audience(@Nullable String audience) {
        return jwt -> audience == null || audience.isBlank() || jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token is not for this API (audience " + audience + ").", null));
    }
}
