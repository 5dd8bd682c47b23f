package dev.billfold.security;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.billfold.security.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Vaadin's configurer denies every request it does not know, so the paths that live outside our sign-in are opened
 * first: the demo provider's hosted page (it stands for a page on the provider's own site) and the providers'
 * webhooks, which carry a signature instead of a session or a CSRF token.
 *
 * <p>Sign-in is the demo users' form where they exist (embedded default), OIDC where a client registration is
 * configured, or both; the login page offers what is there.
 *
 * <p>Every response carries the browser's defences (docs/security.md item 5, DD-054): the content security policy,
 * nosniff, a same-origin referrer policy (return paths carry payment ids), no framing, no caching, and HSTS on a
 * secure request (HTTPS, or a trusted proxy's X-Forwarded-Proto: the production profile's native forward headers).
 */
@EnableWebSecurity
@Configuration
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    static final String WEBHOOKS = "/webhooks/**";
    private static final String LOGIN = "/" + LoginView.ROUTE;
    /** HSTS for a year and every subdomain (ASVS 5.0 3.4.1). */
    private static final long ONE_YEAR_SECONDS = 365L * 24 * 60 * 60;
    private static final String NOT_CACHED = "no-cache, no-store, max-age=0, must-revalidate";
    /** The staff roles' authorities (staff.StaffRole, which depends on this package, so named here as text). */
    static final String[] STAFF_AUTHORITIES = {"ROLE_STAFF_SUPPORT", "ROLE_STAFF_FINANCE", "ROLE_STAFF_ADMIN"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInOptions signIn,
            ObjectProvider<ClientRegistrationRepository> registrations, OidcSignIn oidcSignIn,
            SignInThrottle throttle, ContentSecurityPolicy contentSecurityPolicy) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // The demo provider's merchant dashboard refunds customers' money: Finance and Admin only (DD-070).
                .requestMatchers("/demo-gateway/dashboard", "/demo-gateway/dashboard/**")
                        .hasAnyAuthority("ROLE_STAFF_FINANCE", "ROLE_STAFF_ADMIN")
                .requestMatchers("/demo-gateway/**").permitAll()
                .requestMatchers(WEBHOOKS).permitAll()
                // The error page shows a reference, nothing internal; failures before sign-in need it too (DD-083).
                .requestMatchers("/error").permitAll()
                // The back office: staff only, before any view or service asks again (DD-060).
                .requestMatchers("/ops", "/ops/**").hasAnyAuthority(STAFF_AUTHORITIES));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(WEBHOOKS));
        http.headers(headers -> headers
                .withObjectPostProcessor(headersBeforeTheResponse())
                // Spring's Cache-Control without its Pragma and Expires: a static file sets its own max-age after
                // ours, which replaces Cache-Control alone and would leave the other two contradicting it.
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter(new StaticHeadersWriter(HttpHeaders.CACHE_CONTROL, NOT_CACHED))
                .addHeaderWriter(contentSecurityPolicy)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> frames.deny())
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(ONE_YEAR_SECONDS).includeSubDomains(true)));
        // A new session id at sign-in, so an id planted before it is worthless after.
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        if (signIn.formSignIn()) {
            // A user name or address with too many failed passwords is turned away before its password is checked.
            http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
        }

        ClientRegistrationRepository clients = signIn.oidc() ? registrations.getObject() : null;
        if (clients != null) {
            http.oauth2Login(oauth2 -> oauth2
                    .loginPage(LOGIN).permitAll()
                    .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(pkce(clients)))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcSignIn)));
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            if (signIn.formSignIn() || clients == null) {
                vaadin.loginView(LoginView.class);
            } else {
                // OIDC only (production): no form login filter at all, so no password is ever accepted.
                vaadin.oauth2LoginPage(LOGIN);
            }
            if (clients != null) {
                vaadin.logoutSuccessHandler(providerLogout(clients));
            }
        }).build();
    }

    /**
     * Vaadin's pages reach its servlet through a forward from Spring's DispatcherServlet, and the container commits a
     * forwarded response before the header filter's usual write on commit: written lazily, no Vaadin page carried a
     * single one of these headers. Written first, they are there; Vaadin then keeps the X-Frame-Options it finds.
     */
    private static ObjectPostProcessor<HeaderWriterFilter> headersBeforeTheResponse() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        };
    }

    /** PKCE for every client, confidential ones included (OAuth 2.1; stops code injection). */
    private static DefaultOAuth2AuthorizationRequestResolver pkce(ClientRegistrationRepository clients) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(clients, SignInOptions.AUTHORIZATION_BASE);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /**
     * Signing out of Billfold also ends the session at the provider (RP-initiated logout), which then sends the
     * browser back to our own base URL. A demo user's sign-out simply lands on our start page.
     */
    private static OidcClientInitiatedLogoutSuccessHandler providerLogout(ClientRegistrationRepository clients) {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(clients);
        handler.setPostLogoutRedirectUri("{baseUrl}");
        handler.setDefaultTargetUrl("/");
        // Sign-out is a click in the UI (a Vaadin request), so the redirect must reach the browser as a page change.
        handler.setRedirectStrategy(new UidlRedirectStrategy());
        return handler;
    }
}
