package dev.billfold.apikey;

import dev.billfold.security.ApiScope;
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
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The api_key table; reached only through {@link ApiKeys} and {@link ApiKeyAuthenticator}. */
@Repository
class ApiKeyStore {

    private static final String ROW = """
            select k.id, k.name, k.hint, k.scopes, k.ip_ranges, k.created_at, k.last_used_at, k.revoked_at,
                   u.display_name as created_by
            from api_key k join app_user u on u.id = k.created_by""";

    private final JdbcClient jdbc;

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKeyId id, String name, String hint, String secretHash, Set<ApiScope> scopes,
                @Nullable String ipRanges, UserId user, UserId createdBy, Instant at) {
        jdbc.sql("""
                        insert into api_key (id, name, hint, secret_hash, scopes, ip_ranges, user_id, created_by,
                                             created_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(id.value(), name, hint, secretHash, scopes(scopes), ipRanges, user.value(),
                        createdBy.value(), utc(at))
                .update();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from api_key where lower(name) = lower(?)").param(name)
                .query(Integer.class).single() > 0;
    }

    Optional<ApiKeyRow> row(ApiKeyId id) {
        return jdbc.sql(ROW + " where k.id = ?").param(id.value()).query(ApiKeyStore::row).optional();
    }

    /** Live keys first, then revoked ones; newest first within each. */
    List<ApiKeyRow> rows(int offset, int limit) {
        return jdbc.sql(ROW + " order by case when k.revoked_at is null then 0 else 1 end, k.created_at desc, k.id"
                        + " limit ? offset ?")
                .params(limit, offset).query(ApiKeyStore::row).list();
    }

    int count() {
        return jdbc.sql("select count(*) from api_key").query(Integer.class).single();
    }

    /** Revokes a live key; 0 when it was revoked already (or meanwhile, by another Admin). */
    int revoke(ApiKeyId id, UserId by, Instant at) {
        return jdbc.sql("""
                        update api_key set revoked_at = ?, revoked_by = ?, version = version + 1
                        where id = ? and revoked_at is null""")
                .params(utc(at), by.value(), id.value()).update();
    }

    /** What authentication needs of the key with this hash. */
    Optional<Presented> byHash(String secretHash) {
        return jdbc.sql("""
                        select id, name, scopes, ip_ranges, user_id, revoked_at, last_used_at
                        from api_key where secret_hash = ?""")
                .param(secretHash)
                .query((rs, n) -> new Presented(new ApiKeyId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        scopes(rs.getString("scopes")), rs.getString("ip_ranges"),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getObject("revoked_at", OffsetDateTime.class) != null,
                        instant(rs.getObject("last_used_at", OffsetDateTime.class))))
                .optional();
    }

    /** Moves the last use forward, at most once per {@code coarser} window, so busy keys are not a write each. */
    void used(ApiKeyId id, Instant at, Instant notBefore) {
        jdbc.sql("update api_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(utc(at), id.value(), utc(notBefore)).update();
    }

    record Presented(ApiKeyId id, String name, Set<ApiScope> scopes, @Nullable String ipRanges, UserId user,
                     boolean revoked, @Nullable Instant lastUsedAt) {
    }

    private static ApiKeyRow row(ResultSet rs, int n) throws SQLException {
        String ranges = rs.getString("ip_ranges");
        return new ApiKeyRow(new ApiKeyId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("hint"),
                scopes(rs.getString("scopes")), ranges == null ? List.of() : List.of(ranges.split(" ")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                instant(rs.getObject("revoked_at", OffsetDateTime.class)));
    }

    static String scopes(Set<ApiScope> scopes) {
        return String.join(" ", EnumSet.copyOf(scopes).stream().map(ApiScope::value).toList());
    }

    static Set<ApiScope> scopes(String stored) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(stored.split(" ")).map(ApiScope::of).flatMap(Optional::stream).forEach(scopes::add);
        return scopes;
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
