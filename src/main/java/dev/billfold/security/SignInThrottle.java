package dev.billfold.security;

import dev.billfold.ratelimit.RateDecision;
import dev.billfold.ratelimit.RateKey;
import dev.billfold.ratelimit.RateLimiter;
import dev.billfold.security.ui.LoginView;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed sign-ins through the password form, counted per user name and per client address on the shared database
 * (DD-056). Once either has used up its allowance, the form's next POST is turned away before the password is
 * checked, and the login page says how long to wait; each time the allowance is used up again the wait doubles, up to
 * the limit's max-lockout. A successful sign-in clears its user name's failures but not its address's: in a showroom
 * the demo password is public, and signing in with it must not wipe an attacker's count.
 */
@Component
class SignInThrottle {

    static final String PER_USERNAME = "sign-in-failure-per-username";
    static final String PER_CLIENT = "sign-in-failure-per-client";
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final RateLimiter limiter;

    SignInThrottle(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** The filter in front of the form's POST to the login page. */
    OncePerRequestFilter filter() {
        return new Gate(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/" + LoginView.ROUTE));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            String client = client(attempt);
            RateDecision decision = client == null ? limiter.record(byUsername(attempt.getName()))
                    : limiter.record(byUsername(attempt.getName()), byClient(client));
            if (!decision.allowed()) {
                log.warn("Failed sign-ins: limit {} reached for a user name from {}; refused for {}",
                        decision.refusedLimit(), client, decision.retryAfter());
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            limiter.reset(byUsername(signedIn.getName()));
        }
    }

    private static RateKey byUsername(@Nullable String username) {
        // As the user store matches it: Spring Security trims it, the in-memory users ignore case.
        return new RateKey(PER_USERNAME, username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static RateKey byClient(String address) {
        return new RateKey(PER_CLIENT, address);
    }

    private static @Nullable String client(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /**
     * Turns a sign-in away while its user name or its address is locked out, without looking at the password, and
     * sends the browser back to the login page with the wait in seconds.
     */
    private final class Gate extends OncePerRequestFilter {

        private final RequestMatcher signIn;

        Gate(RequestMatcher signIn) {
            this.signIn = signIn;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (signIn.matches(request)) {
                RateDecision decision = limiter.check(byUsername(request.getParameter("username")),
                        byClient(request.getRemoteAddr()));
                if (!decision.allowed()) {
                    log.warn("Sign-in refused by rate limit {} from {}", decision.refusedLimit(),
                            request.getRemoteAddr());
                    response.sendRedirect(request.getContextPath() + "/" + LoginView.ROUTE + "?"
                            + LoginView.LOCKED_PARAMETER + "=" + Math.max(1, decision.retryAfter().toSeconds()));
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
