package dev.billfold.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** Where staff roles come from at an OIDC sign-in: the configured claim values and issuer/subject pairs, nothing else. */
class StaffAuthoritiesTest {

    private static final String ISSUER = "https://login.example";

    private final StaffAuthorities mapper = new StaffAuthorities(new StaffProperties("groups",
            Map.of(StaffRole.SUPPORT, "billfold-support", StaffRole.FINANCE, "billfold-finance"),
            List.of(new StaffProperties.Subject(ISSUER, "admin-sub", Set.of(StaffRole.ADMIN))),
            Duration.ofMinutes(15)));

    @Test
    void a_listed_group_grants_its_role_and_keeps_the_other_authorities() {
        Collection<? extends GrantedAuthority> mapped = mapper.mapAuthorities(List.of(
                oidc("someone", Map.of("groups", List.of("staff", "billfold-finance"))),
                new SimpleGrantedAuthority("SCOPE_openid")));

        assertThat(names(mapped)).contains("OIDC_USER", "SCOPE_openid", "ROLE_STAFF_FINANCE")
                .doesNotContain("ROLE_STAFF_SUPPORT", "ROLE_STAFF_ADMIN");
    }

    @Test
    void a_single_valued_claim_must_equal_the_value_exactly() {
        assertThat(mapper.rolesOf(Map.of("groups", "billfold-support"))).containsExactly(StaffRole.SUPPORT);
        assertThat(mapper.rolesOf(Map.of("groups", "billfold-support-readonly"))).isEmpty();
        assertThat(mapper.rolesOf(Map.of("groups", List.of("BILLFOLD-FINANCE")))).as("case counts").isEmpty();
        assertThat(mapper.rolesOf(Map.of("roles", List.of("billfold-finance")))).as("another claim").isEmpty();
    }

    @Test
    void a_configured_issuer_and_subject_pair_grants_its_roles_at_that_issuer_only() {
        assertThat(mapper.rolesOf(Map.of("iss", ISSUER, "sub", "admin-sub"))).containsExactly(StaffRole.ADMIN);
        assertThat(mapper.rolesOf(Map.of("iss", "https://other.example", "sub", "admin-sub"))).isEmpty();
        assertThat(mapper.rolesOf(Map.of("iss", ISSUER, "sub", "someone-else"))).isEmpty();
    }

    @Test
    void a_customer_gets_no_staff_role_and_a_staff_authority_from_elsewhere_is_dropped() {
        Collection<? extends GrantedAuthority> mapped = mapper.mapAuthorities(List.of(
                oidc("customer", Map.of("groups", List.of("customers"))),
                new SimpleGrantedAuthority("ROLE_STAFF_FINANCE")));

        assertThat(names(mapped)).noneMatch(name -> name.startsWith("ROLE_STAFF_"));
    }

    @Test
    void without_configuration_nothing_grants_a_staff_role() {
        var unconfigured = new StaffAuthorities(new StaffProperties(null, null, null, Duration.ofMinutes(15)));

        assertThat(unconfigured.rolesOf(Map.of("groups", List.of("billfold-finance"), "iss", ISSUER,
                "sub", "admin-sub"))).isEmpty();
    }

    private static OidcUserAuthority oidc(String subject, Map<String, Object> claims) {
        var token = OidcIdToken.withTokenValue("token").issuer(ISSUER).subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).claims(all -> all.putAll(claims))
                .build();
        return new OidcUserAuthority(token);
    }

    private static List<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
