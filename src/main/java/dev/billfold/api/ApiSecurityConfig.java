package dev.billfold.api;

import dev.billfold.apikey.ApiKeyAuthenticator;
import dev.billfold.ratelimit.RateLimiter;
import dev.billfold.security.ApiClientAuthentication;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The API's own security chain, before the portal's (DD-073): only {@code /api/v1/**}, stateless (no session is read
 * or created, so no CSRF token is needed: nothing is sent by a browser on its own), and no Vaadin. A request is an
 * API key or, where an issuer is configured, an OAuth2 client's JWT; the OpenAPI document and its browsable UI are
 * open to read.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    static final String BASE = "/api/v1";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiKeyAuthenticator keys, ApiProperties properties,
                                       RateLimiter limiter, IdempotencyStore idempotency,
                                       PlatformTransactionManager transactions, Clock clock, ApiClients clients)
            throws Exception {
        http.securityMatcher(BASE + "/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(BASE + "/openapi.json", BASE + "/openapi.json/**", BASE + "/docs",
                                BASE + "/docs/**", BASE + "/swagger-ui/**").permitAll()
                        .anyRequest().hasAuthority(ApiClientAuthentication.AUTHORITY))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, refused) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            ApiGate.problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                                    "Send an API key or an access token: Authorization: Bearer <token>.");
                        })
                        .accessDeniedHandler((request, response, denied) -> ApiGate.problem(response,
                                HttpStatus.FORBIDDEN, "missing-scope", "The client's scopes do not allow this",
                                denied.getMessage())))
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ApiGate(properties, limiter, idempotency, transactions, clock),
                        AuthorizationFilter.class);
        if (properties.oauth2().enabled()) {
            http.oauth2ResourceServer(server -> server
                    .bearerTokenResolver(notApiKeys())
                    .jwt(jwt -> jwt.decoder(clients.decoder()).jwtAuthenticationConverter(clients::authenticate))
                    .authenticationEntryPoint((request, response, refused) -> {
                        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                        ApiGate.problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                                "The access token is not valid: " + refused.getMessage());
                    }));
        }
        return http.build();
    }

    /** The resource server reads bearer tokens that are not API keys; those are the key filter's. */
    private static BearerTokenResolver notApiKeys() {
        var standard = new DefaultBearerTokenResolver();
        return request -> ApiKeyFilter.presentedKey(request) != null ? null : standard.resolve(request);
    }
}
