package dev.billfold.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/**
 * Which ways to sign in are configured, for the login page. Spring Boot's generated default user is switched off
 * (application.properties), so a user store exists only where Billfold configured one; OIDC providers exist only
 * where {@code spring.security.oauth2.client.registration.*} names them.
 */
@Component
public class SignInOptions {

    /** Where Spring Security starts the code flow for a registration. */
    static final String AUTHORIZATION_BASE = "/oauth2/authorization";

    private final boolean formSignIn;
    private final boolean demoUsers;
    private final List<Provider> providers;

    SignInOptions(ObjectProvider<UserDetailsService> localUsers,
            ObjectProvider<ClientRegistrationRepository> registrations,
            @Value("${billfold.demo.enabled:false}") boolean demoUsers) {
        this.formSignIn = localUsers.getIfAvailable() != null;
        this.demoUsers = demoUsers && formSignIn;
        this.providers = providers(registrations.getIfAvailable());
    }

    private static List<Provider> providers(ClientRegistrationRepository repository) {
        List<Provider> providers = new ArrayList<>();
        if (repository instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration registration
                        && AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())) {
                    providers.add(new Provider(registration.getRegistrationId(), registration.getClientName(),
                            AUTHORIZATION_BASE + "/" + registration.getRegistrationId()));
                }
            }
        }
        return List.copyOf(providers);
    }

    /** Whether a username and password form is offered. */
    public boolean formSignIn() {
        return formSignIn;
    }

    /** Whether the demo users exist, so the page may say how to sign in as one. */
    public boolean demoUsers() {
        return demoUsers;
    }

    /** The OIDC providers to offer, each with the path that starts its sign-in. */
    public List<Provider> providers() {
        return providers;
    }

    public boolean oidc() {
        return !providers.isEmpty();
    }

    /** An OIDC provider as the login page offers it. */
    public record Provider(String registrationId, String name, String signInPath) {
    }
}
