package dev.billfold.staff;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.stereotype.Component;

/**
 * Staff roles for an OIDC sign-in, from the configured claim values or issuer and subject pairs. Spring Security's
 * OAuth2 login uses this bean as its authorities mapper; a staff authority from anywhere else is dropped.
 */
@Component
class StaffAuthorities implements GrantedAuthoritiesMapper {

    private final StaffProperties properties;

    StaffAuthorities(StaffProperties properties) {
        this.properties = properties;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>();
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (GrantedAuthority authority : authorities) {
            if (StaffRole.isStaffAuthority(authority)) {
                continue;
            }
            mapped.add(authority);
            if (authority instanceof OidcUserAuthority oidc) {
                roles.addAll(rolesOf(oidc.getAttributes()));
            }
        }
        roles.forEach(role -> mapped.add(role.authority()));
        return mapped;
    }

    /** The roles that the claims of one OIDC user (ID token and user info together) grant. */
    Set<StaffRole> rolesOf(Map<String, Object> claims) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        String claim = properties.rolesClaim();
        if (claim != null && !claim.isBlank() && claims.get(claim) != null) {
            Object values = claims.get(claim);
            properties.roleValues().forEach((role, value) -> {
                if (value != null && !value.isBlank() && holds(values, value)) {
                    roles.add(role);
                }
            });
        }
        Object issuer = claims.get(IdTokenClaimNames.ISS);
        Object subject = claims.get(IdTokenClaimNames.SUB);
        for (StaffProperties.Subject staff : properties.subjects()) {
            if (issuer != null && staff.issuer().equals(issuer.toString())
                    && Objects.equals(staff.subject(), subject)) {
                roles.addAll(staff.roles());
            }
        }
        return roles;
    }

    /** Exact values only: a list claim contains it, or a single-valued claim is it. */
    private static boolean holds(Object values, String value) {
        if (values instanceof Collection<?> list) {
            return list.stream().anyMatch(item -> value.equals(String.valueOf(item)));
        }
        return value.equals(values.toString());
    }
}
