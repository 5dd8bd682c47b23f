package dev.billfold.history;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountId;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Activity page: the account's own audit trail for its members (DD-061), a read model over the trail's table like
 * the transaction history is over the ledger. Only the entries recorded as visible to the account; any staff member is
 * "Billing team", the note only where it was written for the customer, and no address or role ever.
 */
@Service
public class ActivityQuery {

    public static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;
    private final AccountAccess access;

    ActivityQuery(JdbcClient jdbc, AccountAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Page {@code page} (from 0) of the account's activity, newest first; any member of the account may read it. */
    @Transactional(readOnly = true)
    public ActivityPage page(AccountId accountId, int page) {
        access.require(accountId, AccountAccess.Action.VIEW);
        if (page < 0) {
            throw InvalidRequestException.keyed("page", "errors.page.none");
        }
        List<ActivityRow> rows = jdbc.sql("""
                        select at, actor_kind, actor_name, action, text, before_state, after_state,
                               case when visibility = 'ACCOUNT_WITH_NOTE' then note end as note
                          from audit_entry where account_id = ? and visibility in ('ACCOUNT', 'ACCOUNT_WITH_NOTE')
                         order by seq desc limit ? offset ?""")
                .params(accountId.value(), PAGE_SIZE + 1, page * PAGE_SIZE)
                .query((rs, n) -> new ActivityRow(rs.getObject("at", OffsetDateTime.class).toInstant(),
                        who(rs.getString("actor_kind"), rs.getString("actor_name")), rs.getString("action"),
                        rs.getString("text"),
                        rs.getString("before_state"), rs.getString("after_state"), rs.getString("note")))
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        return new ActivityPage(more ? rows.subList(0, PAGE_SIZE) : rows, page, more);
    }

    /** Staff are one team to the customer: whoever it was, never their name. */
    private static String who(String kind, String name) {
        return switch (kind) {
            // The provider's own systems (the API) speak for the billing team too.
            case "STAFF", "API" -> AuditTrail.BILLING_TEAM;
            case "SYSTEM" -> "Billfold";
            default -> name;
        };
    }
}
