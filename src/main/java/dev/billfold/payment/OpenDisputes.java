package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.staff.StaffAccess;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's queue of open disputes, oldest first. Read-only: a dispute is answered at the provider, and its
 * outcome comes back as news (DD-070); every staff reader may see it.
 */
@Service
public class OpenDisputes {

    public static final int PAGE_MAX = 200;

    private final StaffAccess staff;
    private final JdbcClient jdbc;

    OpenDisputes(StaffAccess staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    /** How many disputes are open: the queue's count in the back-office menu. */
    @Transactional(readOnly = true)
    public int waiting() {
        staff.require(StaffAccess.Action.READ, null);
        return jdbc.sql("select count(*) from payment_dispute where state = 'OPEN'").query(Integer.class).single();
    }

    /** Open disputes, oldest first. */
    @Transactional(readOnly = true)
    public List<OpenDispute> queue(int offset, int limit) {
        staff.require(StaffAccess.Action.READ, null);
        if (offset < 0 || limit < 1 || limit > PAGE_MAX) {
            throw new InvalidRequestException("A page starts at 0 or later and holds 1 to %d disputes."
                    .formatted(PAGE_MAX));
        }
        return jdbc.sql("""
                        select d.provider, d.provider_dispute_id, d.payment_id, p.account_id, a.account_number,
                               a.name, d.amount_value, d.amount_currency, p.amount_value as payment_value,
                               p.amount_currency as payment_currency, d.provider_status, d.reason, d.opened_at
                          from payment_dispute d
                          join payment p on p.id = d.payment_id
                          join account a on a.id = p.account_id
                         where d.state = 'OPEN'
                         order by d.opened_at, d.id
                         limit :limit offset :offset""")
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new OpenDispute(rs.getString("provider"), rs.getString("provider_dispute_id"),
                        new PaymentId(rs.getObject("payment_id", UUID.class)),
                        new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("account_number"),
                        rs.getString("name"),
                        Money.of(rs.getBigDecimal("amount_value"),
                                Currency.getInstance(rs.getString("amount_currency").trim())),
                        Money.of(rs.getBigDecimal("payment_value"),
                                Currency.getInstance(rs.getString("payment_currency").trim())),
                        rs.getString("provider_status"), rs.getString("reason"),
                        rs.getObject("opened_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
