package dev.billfold.api;

import dev.billfold.apikey.ApiKeyAuthenticator;
import dev.billfold.security.ApiClientAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer bfk_…}: an API key. A refused key is answered 401 at once, with why (unknown, revoked,
 * wrong address), and never falls through to anonymous access. Any other bearer token is left to the resource
 * server (an OAuth2 client's JWT).
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator keys;

    ApiKeyFilter(ApiKeyAuthenticator keys) {
        this.keys = keys;
    }

    /** The key in the header, or null when the header carries no API key. */
    static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).strip();
        return ApiKeyAuthenticator.looksLikeKey(token) ? token : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        var outcome = keys.authenticate(presented, request.getRemoteAddr());
        if (outcome.client().isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ApiGate.problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                    outcome.refusal());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiClientAuthentication(outcome.client().get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
