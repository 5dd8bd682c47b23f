package dev.billfold.security;

import static org.springframework.http.HttpStatus.FORBIDDEN;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Actuator's endpoints, on whichever port they are served (the management port in production, DD-080): health and
 * info are open to the load balancer and the orchestrator, which send no credentials; every other endpoint is refused
 * unless a later decision opens it, and so is anything else under /actuator. The Prometheus scrape is open only on a
 * management port of its own, which customers never reach; on the one port of the embedded default it is refused
 * like the rest (DD-084). Stateless, so a probe never creates a session.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain managementFilterChain(HttpSecurity http, Environment environment) throws Exception {
        // The business counts are no customer's business: the scrape is served only where customers cannot reach it.
        RequestMatcher scrape = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
                ? EndpointRequest.to(PrometheusScrapeEndpoint.class) : request -> false;
        // Also what is not an endpoint under /actuator: refused here, not sent on to the sign-in page.
        http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(),
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
                        .permitAll()
                        .requestMatchers(scrape).permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                // A refusal, not a redirect to a sign-in page that no caller of these endpoints could use.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(FORBIDDEN)));
        return http.build();
    }
}
