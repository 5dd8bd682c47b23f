package dev.billfold.statement.ui;

import dev.billfold.staff.StaffRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Whether to offer Finance's actions; the services check the role again, this only hides what would be refused. */
final class StaffRoles {

    private StaffRoles() {
    }

    static boolean finance() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && StaffRole.of(authentication).contains(StaffRole.FINANCE);
    }
}
