package dev.billfold.demo;

import dev.billfold.staff.StaffRole;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo users' form sign-in, for the embedded default only. Their accounts, payers and history come from the
 * demo Flyway location (db/demo), which the production profile does not load.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "billfold.demo.enabled", havingValue = "true")
class DemoSignInConfig {

    static final int BCRYPT_LOWEST_COST = 4;

    @Bean
    UserDetailsService demoUsers() {
        // The demo password is printed in the README, so its hash protects nothing: the lowest BCrypt cost keeps the
        // capacity benchmark's thousands of sign-ins from measuring password hashing instead of Billfold.
        PasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(BCRYPT_LOWEST_COST)));
        return new InMemoryUserDetailsManager(
                User.withUsername("demo").password(encoder.encode("demo")).roles("USER").build(),
                User.withUsername("other").password(encoder.encode("demo")).roles("USER").build(),
                User.withUsername("billing").password(encoder.encode("demo")).roles("USER").build(),
                // Owner of the Kenyan account in KES, which pays with M-Pesa (DD-088).
                User.withUsername("kenya").password(encoder.encode("demo")).roles("USER").build(),
                // The provider's demo staff member: all three staff roles, no customer account (DD-060).
                User.withUsername("operator").password(encoder.encode("demo"))
                        .authorities(Stream.concat(Stream.of(new SimpleGrantedAuthority("ROLE_USER")),
                                Arrays.stream(StaffRole.values()).map(StaffRole::authority)).toList())
                        .build(),
                // A second Finance member, so that four eyes can be tried: approving what operator asked (DD-067).
                User.withUsername("finance2").password(encoder.encode("demo"))
                        .authorities(new SimpleGrantedAuthority("ROLE_USER"), StaffRole.FINANCE.authority())
                        .build());
    }
}
