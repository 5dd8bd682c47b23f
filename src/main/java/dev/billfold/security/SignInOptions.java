package dev.billfold.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Which ways to sign in are configured, for the login page. */
@Component
public class SignInOptions {

    private final boolean demoSignIn;

    SignInOptions(ObjectProvider<UserDetailsService> localUsers) {
        this.demoSignIn = localUsers.getIfAvailable() != null;
    }

    public boolean demoSignIn() {
        return demoSignIn;
    }
}
