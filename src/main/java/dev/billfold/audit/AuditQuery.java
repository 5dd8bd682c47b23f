package dev.billfold.audit;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.staff.StaffAccess;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The whole audit trail as staff read it, newest first, paged, filtered by account, action, actor and days. */
@Service
public class AuditQuery {

    public static final int PAGE_SIZE = 25;
    static final int MAX_FILTER = 64;

    private final StaffAccess staff;
    private final JdbcClient jdbc;

    AuditQuery(StaffAccess staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    /** Page {@code page} (from 0) of the entries {@code filter} selects. An unknown account number finds nothing. */
    @Transactional(readOnly = true)
    public AuditPage page(AuditFilter filter, int page) {
        staff.require(StaffAccess.Action.READ, null);
        if (page < 0) {
            throw InvalidRequestException.keyed("page", "errors.page.none");
        }
        if (tooLong(filter.accountNumber()) || tooLong(filter.action()) || tooLong(filter.actor())) {
            throw InvalidRequestException.keyed("filter", "errors.audit.filter-too-long", MAX_FILTER);
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw InvalidRequestException.keyed("to", "errors.audit.end-before-start");
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.accountNumber() != null) {
            where.add("a.account_number = ?");
            params.add(filter.accountNumber());
        }
        if (filter.action() != null) {
            // A code, or its first parts: "account.member" finds role changes and removals.
            where.add("(e.action = ? or e.action like ? escape '\\')");
            params.add(filter.action());
            params.add(likePrefix(filter.action() + "."));
        }
        if (filter.actor() != null) {
            // The name as recorded then, or the user's sign-in name or e-mail as it is now.
            where.add("(lower(e.actor_name) like ? escape '\\' or lower(u.username) like ? escape '\\'"
                    + " or lower(u.email) like ? escape '\\')");
            String prefix = likePrefix(filter.actor());
            params.addAll(List.of(prefix, prefix, prefix));
        }
        if (filter.from() != null) {
            where.add("e.at >= ?");
            params.add(filter.from().atStartOfDay(filter.zone()).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.add("e.at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay(filter.zone()).toOffsetDateTime());
        }
        params.add(PAGE_SIZE + 1);
        params.add(page * PAGE_SIZE);
        List<AuditEntry> entries = jdbc.sql("""
                        select e.id, e.at, e.actor_kind, e.actor_user_id, e.actor_name, e.actor_role, e.client_address,
                               e.action, e.text, e.account_id, a.account_number, e.subject_id, e.before_state,
                               e.after_state, e.note, e.visibility
                          from audit_entry e left join account a on a.id = e.account_id
                          left join app_user u on u.id = e.actor_user_id
                         %s order by e.seq desc limit ? offset ?"""
                        .formatted(where.isEmpty() ? "" : "where " + String.join(" and ", where)))
                .params(params)
                .query((rs, n) -> new AuditEntry(new AuditEntryId(rs.getObject("id", UUID.class)),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        ActorKind.valueOf(rs.getString("actor_kind")),
                        rs.getObject("actor_user_id", UUID.class), rs.getString("actor_name"),
                        rs.getString("actor_role"), rs.getString("client_address"), rs.getString("action"),
                        rs.getString("text"), rs.getObject("account_id", UUID.class), rs.getString("account_number"),
                        rs.getObject("subject_id", UUID.class), rs.getString("before_state"),
                        rs.getString("after_state"), rs.getString("note"),
                        Visibility.valueOf(rs.getString("visibility"))))
                .list();
        boolean more = entries.size() > PAGE_SIZE;
        return new AuditPage(more ? entries.subList(0, PAGE_SIZE) : entries, page, more);
    }

    private static boolean tooLong(@Nullable String text) {
        return text != null && text.length() > MAX_FILTER;
    }

    /** Lower case, LIKE's wildcards taken literally, then "anything after". */
    static String likePrefix(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
