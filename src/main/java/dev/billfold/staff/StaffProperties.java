package dev.billfold.staff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where staff roles come from in production (docs/configuration.md). Nothing is granted unless configured here.
 *
 * @param rolesClaim     the OIDC claim (ID token or user info) that lists a user's groups or roles, e.g. {@code groups}
 * @param roleValues     for each staff role, the claim value that grants it, e.g. {@code finance=billfold-finance}
 * @param subjects       issuer and subject pairs that hold staff roles, the alternative to a claim
 * @param sessionTimeout a staff session's idle timeout, shorter than a customer's
 */
@ConfigurationProperties("billfold.staff")
public record StaffProperties(@Nullable String rolesClaim, Map<StaffRole, String> roleValues, List<Subject> subjects,
                              @DefaultValue("15m") Duration sessionTimeout) {

    public StaffProperties {
        roleValues = roleValues == null ? Map.of() : Map.copyOf(roleValues);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("billfold.staff.session-timeout must be positive");
        }
    }

    /** One person at one OIDC provider, known by issuer and subject, with the staff roles they hold. */
    public record Subject(String issuer, String subject, Set<StaffRole> roles) {
        public Subject {
            if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("billfold.staff.subjects need an issuer and a subject");
            }
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }
}
