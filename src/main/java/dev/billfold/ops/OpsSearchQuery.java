package dev.billfold.ops;

import dev.billfold.account.AccountId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.staff.StaffAccess;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's search: accounts found by a prefix of their number or name, a payer's name or tax id, a member's
 * e-mail, an invoice number, a payment id or a provider's reference, case ignored. One row per account and field.
 */
@Service
public class OpsSearchQuery {

    public static final int PAGE_SIZE = 20;
    public static final int MAX_QUERY = 200;

    /** Each source yields (account id, what matched, the matched text); {@code :q} is the escaped lower-case prefix. */
    private static final String MATCHES = """
            select a.id as account_id, 'Account number' as matched_by, a.account_number as matched from account a
             where a.account_number like :q escape '\\'
            union select a.id, 'Account name', a.name from account a where lower(a.name) like :q escape '\\'
            union select p.account_id, 'Payer', p.legal_name from payer p where lower(p.legal_name) like :q escape '\\'
            union select p.account_id, 'Tax id', p.tax_id from payer p where lower(p.tax_id) like :q escape '\\'
            union select m.account_id, 'Member e-mail', u.email from account_member m
             join app_user u on u.id = m.user_id
             where lower(u.email) like :q escape '\\'
            union select p.account_id, 'Invoice', i.number from invoice i join payment p on p.id = i.payment_id
             where lower(i.number) like :q escape '\\'
            union select p.account_id, 'Payment id', cast(p.id as varchar(36)) from payment p
             where lower(cast(p.id as varchar(36))) like :q escape '\\'
            union select p.account_id, 'Provider reference', p.provider_reference from payment p
             where lower(p.provider_reference) like :q escape '\\'
            """;

    private final StaffAccess staff;
    private final JdbcClient jdbc;

    OpsSearchQuery(StaffAccess staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    /** Page {@code page} (from 0) of the hits for {@code text}, by account name and number. */
    @Transactional(readOnly = true)
    public SearchPage search(String text, int page) {
        staff.require(StaffAccess.Action.READ, null);
        String prefix = text == null ? "" : text.strip();
        if (prefix.isEmpty()) {
            throw new InvalidRequestException("query", "Enter what to search for.");
        }
        if (prefix.length() > MAX_QUERY) {
            throw new InvalidRequestException("query", "Search for at most %d characters.".formatted(MAX_QUERY));
        }
        if (page < 0) {
            throw InvalidRequestException.keyed("page", "errors.page.none");
        }
        var hits = jdbc.sql("""
                        select h.account_id, a.account_number, a.name, h.matched_by, h.matched
                          from (%s) h join account a on a.id = h.account_id
                         order by a.name, a.account_number, h.matched_by, h.matched
                         limit :limit offset :offset""".formatted(MATCHES))
                .param("q", likePrefix(prefix))
                .param("limit", PAGE_SIZE + 1)
                .param("offset", page * PAGE_SIZE)
                .query((rs, n) -> new AccountHit(new AccountId(rs.getObject("account_id", UUID.class)),
                        rs.getString("account_number"), rs.getString("name"), rs.getString("matched_by"),
                        rs.getString("matched")))
                .list();
        boolean more = hits.size() > PAGE_SIZE;
        return new SearchPage(more ? hits.subList(0, PAGE_SIZE) : hits, page, more);
    }

    /** Lower case, LIKE's wildcards taken literally, then "anything after". */
    static String likePrefix(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return escaped + "%";
    }
}
