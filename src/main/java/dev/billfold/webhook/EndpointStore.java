package dev.billfold.webhook;

import dev.billfold.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The endpoints' rows; reached only through {@link WebhookEndpoints} and the delivery. */
@Component
class EndpointStore {

    private final JdbcClient jdbc;

    EndpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An endpoint as stored, secrets included: never leaves this package. */
    record Endpoint(WebhookEndpointId id, String url, String description, Set<EventType> types, String secret,
                    @Nullable String previousSecret, @Nullable Instant previousUntil, boolean enabled,
                    @Nullable String disabledReason, Instant createdAt) {

        Endpoint {
            types = types.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(types);
        }

        /** The secrets that sign now: the current one, and the rotated one during its overlap. */
        List<WebhookSecret> signingSecrets(Instant now) {
            WebhookSecret current = WebhookSecret.of(secret);
            return previousSecret != null && previousUntil != null && now.isBefore(previousUntil)
                    ? List.of(current, WebhookSecret.of(previousSecret)) : List.of(current);
        }
    }

    void insert(Endpoint endpoint, UserId createdBy) {
        jdbc.sql("""
                        insert into webhook_endpoint (id, url, description, event_types, secret, enabled, created_by,
                                                      created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(endpoint.id().value(), endpoint.url(), endpoint.description(), types(endpoint.types()),
                        endpoint.secret(), endpoint.enabled(), createdBy.value(), utc(endpoint.createdAt()),
                        utc(endpoint.createdAt()))
                .update();
    }

    Optional<Endpoint> find(WebhookEndpointId id) {
        return jdbc.sql("select * from webhook_endpoint where id = ?").param(id.value()).query(EndpointStore::row)
                .optional();
    }

    /** The endpoint with its row locked until the transaction ends (a rotation, a switch on or off). */
    Optional<Endpoint> lock(WebhookEndpointId id) {
        return jdbc.sql("select * from webhook_endpoint where id = ? for update").param(id.value())
                .query(EndpointStore::row).optional();
    }

    List<Endpoint> all() {
        return jdbc.sql("select * from webhook_endpoint order by created_at, id").query(EndpointStore::row).list();
    }

    /** The enabled endpoints that listen to {@code type}. */
    List<Endpoint> listening(EventType type) {
        return jdbc.sql("select * from webhook_endpoint where enabled = true order by created_at, id")
                .query(EndpointStore::row).list().stream().filter(e -> e.types().contains(type)).toList();
    }

    void rotate(WebhookEndpointId id, String secret, String previous, Instant previousUntil, Instant now) {
        jdbc.sql("""
                        update webhook_endpoint set secret = ?, previous_secret = ?, previous_until = ?,
                                                    updated_at = ? where id = ?""")
                .params(secret, previous, utc(previousUntil), utc(now), id.value()).update();
    }

    /** Switches it on or off; false when it already was so. */
    boolean setEnabled(WebhookEndpointId id, boolean enabled, @Nullable String reason, Instant now) {
        return jdbc.sql("""
                        update webhook_endpoint set enabled = ?, disabled_reason = ?, updated_at = ?
                         where id = ? and enabled <> ?""")
                .params(enabled, enabled ? null : reason, utc(now), id.value(), enabled).update() == 1;
    }

    private static Endpoint row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime previousUntil = rs.getObject("previous_until", OffsetDateTime.class);
        return new Endpoint(new WebhookEndpointId(rs.getObject("id", UUID.class)), rs.getString("url"),
                rs.getString("description"), types(rs.getString("event_types")), rs.getString("secret"),
                rs.getString("previous_secret"), previousUntil == null ? null : previousUntil.toInstant(),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static String types(Set<EventType> types) {
        return types.stream().map(EventType::wireName).collect(Collectors.joining(","));
    }

    private static Set<EventType> types(String stored) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Arrays.stream(stored.split(",")).map(EventType::ofWireName).flatMap(Optional::stream).forEach(types::add);
        return types;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
