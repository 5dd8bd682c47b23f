package dev.billfold.staff;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A staff session ends after its own, shorter idle time ({@code billfold.staff.session-timeout}): staff reach every
 * account, so a forgotten back-office tab is worth more to an attacker than a customer's. Vaadin's idle check reads
 * the same interval.
 */
@Component
class StaffSessions {

    private final StaffProperties properties;

    StaffSessions(StaffProperties properties) {
        this.properties = properties;
    }

    /** Published by the authentication manager for the form and the OIDC sign-in alike. */
    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        shorten(event.getAuthentication());
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        shorten(event.getAuthentication());
    }

    private void shorten(Authentication authentication) {
        if (StaffRole.of(authentication).isEmpty()
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return;
        }
        HttpSession session = request.getRequest().getSession();
        session.setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
    }
}
