package dev.billfold.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Which ways to sign in are configured, for the login page. Spring Boot's generated default user is switched off
 * (application.properties), so a user store exists only where Billfold configured one.
 */
@Component
public class SignInOptions {

    private final boolean formSignIn;
    private final boolean demoUsers;

    SignInOptions(ObjectProvider<UserDetailsService> localUsers, @Value("${billfold.demo.enabled:false}") boolean demoUsers) {
        this.formSignIn = localUsers.getIfAvailable() != null;
        this.demoUsers = demoUsers && formSignIn;
    }

    /** Whether a username and password form is offered. */
    public boolean formSignIn() {
        return formSignIn;
    }

    /** Whether the demo users exist, so the page may say how to sign in as one. */
    public boolean demoUsers() {
        return demoUsers;
    }
}
