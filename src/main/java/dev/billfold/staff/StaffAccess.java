package dev.billfold.staff;

import dev.billfold.base.TypedId;
import dev.billfold.security.ApiClient;
import dev.billfold.security.ApiClientAuthentication;
import dev.billfold.security.ApiScope;
import dev.billfold.security.AppUser;
import dev.billfold.security.CurrentUser;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The staff analogue of the account access check: every staff service method asks here for the staff role its action
 * needs, before it reads or writes anything. A denial is logged with the user, the action and the id, never with
 * personal data; customers are never staff, whatever accounts they belong to.
 */
@Component
public class StaffAccess {

    private static final Logger log = LoggerFactory.getLogger(StaffAccess.class);

    private final CurrentUser currentUser;

    StaffAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The current user as a staff member whose roles allow {@code action}, or an {@link AccessDeniedException}. */
    public StaffMember require(Action action, @Nullable TypedId subject) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiClientAuthentication api) {
            return requireApi(api.client(), action, subject);
        }
        AppUser user = currentUser.require();
        Set<StaffRole> roles = roles();
        if (!action.allowedFor(roles)) {
            log.warn("Access denied: staff={} roles={} action={}{}", user.id().value(), roles, action,
                    subject == null ? "" : " id=" + subject.value());
            throw new StaffOnlyException(action);
        }
        return new StaffMember(user.id(), user.displayName(), roles);
    }

    /**
     * The provider's own systems act on its side of the counter as staff do (DD-073): an API client passes where its
     * scopes allow the action, and never for notes or staff settings.
     */
    private static StaffMember requireApi(ApiClient client, Action action, @Nullable TypedId subject) {
        if (action.apiScope == null || !client.has(action.apiScope)) {
            log.warn("Access denied: api={} scopes={} action={}{}", client.client(), client.scopes(), action,
                    subject == null ? "" : " id=" + subject.value());
            throw new StaffOnlyException(action);
        }
        return new StaffMember(client.userId(), client.name(), EnumSet.noneOf(StaffRole.class));
    }

    /** Whether the signed-in user holds any staff role (for showing the way to the back office, not for access). */
    public boolean isStaff() {
        return !roles().isEmpty();
    }

    private static Set<StaffRole> roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? EnumSet.noneOf(StaffRole.class)
                : StaffRole.of(authentication);
    }

    /** What a staff member wants to do, mapped to the staff roles that may do it (DD-060). */
    public enum Action {
        /** Read any account, its payers, members, methods, services, timeline and payments. */
        READ(EnumSet.of(StaffRole.SUPPORT, StaffRole.FINANCE), ApiScope.READ),
        /** Write a note on an account (it goes into the audit trail); moves nothing. */
        WRITE_NOTES(EnumSet.of(StaffRole.SUPPORT, StaffRole.FINANCE), null),
        /** Anything that moves money: credits, reversals, refunds, adjustments. */
        MOVE_MONEY(EnumSet.of(StaffRole.FINANCE), ApiScope.WRITE_BALANCE),
        /**
         * The second pair of eyes on money another asked to move (an adjustment above the approval limit): always a
         * Finance member's own decision, never a system's, so no API scope allows it (DD-067, DD-073).
         */
        DECIDE_MONEY(EnumSet.of(StaffRole.FINANCE), null),
        /** Staff settings, API keys among them: never an API client's. */
        STAFF_SETTINGS(EnumSet.of(StaffRole.ADMIN), null),
        /**
         * Create accounts and change their names and members: the provider's provisioning, through the API only
         * (staff have no such page; a customer's account comes from the provider's systems, DD-059).
         */
        WRITE_ACCOUNTS(EnumSet.noneOf(StaffRole.class), ApiScope.WRITE_ACCOUNTS),
        /** Create hosted services, change their price, suspend, resume and terminate them: the provider's, via API. */
        WRITE_SERVICES(EnumSet.noneOf(StaffRole.class), ApiScope.WRITE_SERVICES);

        private final Set<StaffRole> roles;
        private final @Nullable ApiScope apiScope;

        Action(Set<StaffRole> roles, @Nullable ApiScope apiScope) {
            this.roles = roles;
            this.apiScope = apiScope;
        }

        /** The API scope that allows this action to an API client, or null when no client may. */
        public @Nullable ApiScope apiScope() {
            return apiScope;
        }

        public boolean allowedFor(Set<StaffRole> held) {
            return held.stream().anyMatch(roles::contains);
        }
    }

    /** Thrown when a staff method is called without a staff role that allows it. */
    public static final class StaffOnlyException extends AccessDeniedException {
        StaffOnlyException(Action action) {
            super("This needs a staff role that allows " + action.name().toLowerCase().replace('_', ' ') + ".");
        }
    }
}
