package dev.billfold.staff;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A staff role, held as the Spring Security authority {@code ROLE_STAFF_<name>}; none is an account membership. */
public enum StaffRole {
    /** Reads everything, writes notes, resolves clarifications that move no money. */
    SUPPORT,
    /** Everything that moves money. */
    FINANCE,
    /** Staff settings. */
    ADMIN;

    private static final String PREFIX = "ROLE_STAFF_";

    /** The role names for {@code @RolesAllowed} (Spring adds the ROLE_ prefix). */
    public static final class Names {
        public static final String SUPPORT = "STAFF_SUPPORT";
        public static final String FINANCE = "STAFF_FINANCE";
        public static final String ADMIN = "STAFF_ADMIN";

        private Names() {
        }
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority(PREFIX + name());
    }

    /** Whether an authority is a staff role's; such an authority may only come from the staff mapping. */
    static boolean isStaffAuthority(GrantedAuthority authority) {
        return authority.getAuthority() != null && authority.getAuthority().startsWith(PREFIX);
    }

    /** The staff roles an authentication carries. */
    public static Set<StaffRole> of(Authentication authentication) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (StaffRole role : values()) {
                if ((PREFIX + role.name()).equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
