package dev.billfold.audit;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.staff.StaffAccess;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The whole audit trail as staff read it, newest first, paged, optionally for one account or action. */
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
            throw new InvalidRequestException("page", "There is no such page.");
        }
        if ((filter.accountNumber() != null && filter.accountNumber().length() > MAX_FILTER)
                || (filter.action() != null && filter.action().length() > MAX_FILTER)) {
            throw new InvalidRequestException("filter", "Filter by at most %d characters.".formatted(MAX_FILTER));
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.accountNumber() != null) {
            where.add("a.account_number = ?");
            params.add(filter.accountNumber());
        }
        if (filter.action() != null) {
            where.add("e.action = ?");
            params.add(filter.action());
        }
        params.add(PAGE_SIZE + 1);
        params.add(page * PAGE_SIZE);
        List<AuditEntry> entries = jdbc.sql("""
                        select e.id, e.at, e.actor_kind, e.actor_user_id, e.actor_name, e.actor_role, e.client_address,
                               e.action, e.text, e.account_id, a.account_number, e.subject_id, e.before_state,
                               e.after_state, e.note, e.visibility
                          from audit_entry e left join account a on a.id = e.account_id
                         %s order by e.seq desc limit ? offset ?"""
                        .formatted(where.isEmpty() ? "" : "where " + String.join(" and ", where)))
                .params(params)
                .query((rs, n) -> new AuditEntry(new AuditEntryId(rs.getObject("id", UUID.class)),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), ActorKind.valueOf(rs.getString("actor_kind")),
                        rs.getObject("actor_user_id", UUID.class), rs.getString("actor_name"),
                        rs.getString("actor_role"), rs.getString("client_address"), rs.getString("action"),
                        rs.getString("text"), rs.getObject("account_id", UUID.class), rs.getString("account_number"),
                        rs.getObject("subject_id", UUID.class), rs.getString("before_state"),
                        rs.getString("after_state"), rs.getString("note"), Visibility.valueOf(rs.getString("visibility"))))
                .list();
        boolean more = entries.size() > PAGE_SIZE;
        return new AuditPage(more ? entries.subList(0, PAGE_SIZE) : entries, page, more);
    }
}
