package dev.billfold.staff;

import dev.billfold.security.UserId;
import java.util.Set;

/** The signed-in staff member and the staff roles they hold in this session. */
public record StaffMember(UserId userId, String displayName, Set<StaffRole> roles) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }
}
