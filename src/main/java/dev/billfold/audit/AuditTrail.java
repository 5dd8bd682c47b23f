package dev.billfold.audit;

import dev.billfold.base.InternalCall;
import dev.billfold.base.TypedId;
import dev.billfold.security.ApiClientAuthentication;
import dev.billfold.security.AppUser;
import dev.billfold.security.CurrentUser;
import dev.billfold.staff.StaffRole;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit trail. {@link #record} joins the caller's transaction and refuses to run without one, so an entry
 * exists exactly when the change it describes was committed. Who, with which role, when and from which address come
 * from the sign-in, the clock and the current HTTP request, never from the caller.
 */
@Service
public class AuditTrail {

    /** How a customer sees any staff member, whoever it was. */
    public static final String BILLING_TEAM = "Billing team";
    static final String SYSTEM_NAME = "Billfold";
    static final String API_ROLE = "API client";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Appends one entry in the caller's transaction: call it from inside the service method that makes the change,
     * after the change is written. An action without a signed-in user (a scheduled job) is recorded as the system.
     */
    @InternalCall("Runs inside the calling service's transaction, after that service checked access")
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntryId record(AuditEvent event) {
        Actor actor = actor();
        AuditEntryId id = AuditEntryId.random();
        jdbc.sql("""
                        insert into audit_entry (id, at, actor_kind, actor_user_id, actor_name, actor_role,
                                                 client_address, action, text, account_id, subject_id,
                                                 before_state, after_state, note, visibility)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC), actor.kind().name(),
                        actor.userId(), actor.name(), actor.role(), actor.kind() == ActorKind.SYSTEM ? null
                                : clientAddress(), event.action(), event.text(), value(event.account()),
                        value(event.subject()), event.before(), event.after(), event.note(),
                        event.visibility().name())
                .update();
        return id;
    }

    private Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return new Actor(ActorKind.SYSTEM, null, SYSTEM_NAME, "system");
        }
        if (authentication instanceof ApiClientAuthentication api) {
            // The key's (or OAuth2 client's) name, as a staff member's name; the role says it was the API.
            return new Actor(ActorKind.API, api.client().userId().value(), api.client().name(), API_ROLE);
        }
        Optional<AppUser> user = currentUser.find();
        if (user.isEmpty()) {
            return new Actor(ActorKind.SYSTEM, null, SYSTEM_NAME, "system");
        }
        Set<StaffRole> roles = StaffRole.of(authentication);
        if (!roles.isEmpty()) {
            return new Actor(ActorKind.STAFF, user.get().id().value(), user.get().displayName(), roleNames(roles));
        }
        return new Actor(ActorKind.CUSTOMER, user.get().id().value(), user.get().displayName(), "customer");
    }

    /** "Support, Finance": the staff roles held, in their declared order. */
    static String roleNames(Set<StaffRole> roles) {
        return roles.stream().sorted().map(role -> role.name().charAt(0) + role.name().substring(1).toLowerCase())
                .collect(Collectors.joining(", "));
    }

    /**
     * The client's address of the current HTTP request (a Vaadin request is one too). Behind a proxy,
     * {@code server.forward-headers-strategy} makes the container (native) or Spring's filter (framework) put the
     * forwarded client's address here, so the trail believes exactly what the rest of the application believes.
     */
    static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String address = request.getRemoteAddr();
            return address == null || address.isBlank() ? null : address;
        }
        return null;
    }

    private static @Nullable UUID value(@Nullable TypedId id) {
        return id == null ? null : id.value();
    }

    private record Actor(ActorKind kind, @Nullable UUID userId, String name, String role) {
    }
}
