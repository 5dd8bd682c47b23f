package dev.billfold.ops;

import dev.billfold.account.AccountId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.staff.StaffAccess;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account read for the back office, read only. A read model over the features' tables, like the history query:
 * a staff member is no member of the account, so the customers' services (which check membership) do not serve here.
 */
@Service
public class OpsAccountQuery {

    /** The latest entries and payments; the full history gets its own paged views later. */
    static final int LATEST = 50;

    private final StaffAccess staff;
    private final JdbcClient jdbc;

    OpsAccountQuery(StaffAccess staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public OpsAccount account(AccountId accountId) {
        staff.require(StaffAccess.Action.READ, accountId);
        UUID id = accountId.value();
        var head = jdbc.sql("""
                        select a.account_number, a.name, a.country, a.currency, b.amount_value
                          from account a left join account_balance b on b.account_id = a.id where a.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString(4));
                    BigDecimal balance = rs.getBigDecimal(5);
                    return new Head(rs.getString(1), rs.getString(2), rs.getString(3),
                            balance == null ? Money.zero(currency) : Money.of(balance, currency));
                })
                .optional()
                .orElseThrow(() -> new InvalidRequestException("There is no account with that id."));
        return new OpsAccount(accountId, head.number(), head.name(), head.country(), head.balance(),
                payers(id), members(id), methods(id), services(id), timeline(id), payments(id));
    }

    private List<OpsAccount.Payer> payers(UUID id) {
        return jdbc.sql("""
                        select legal_name, type, tax_id, invoice_email, is_default, archived from payer
                         where account_id = ? order by archived, is_default desc, legal_name""")
                .param(id)
                .query((rs, n) -> new OpsAccount.Payer(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)))
                .list();
    }

    private List<OpsAccount.Member> members(UUID id) {
        return jdbc.sql("""
                        select u.display_name, u.email, m.role from account_member m join app_user u on u.id = m.user_id
                         where m.account_id = ? order by u.display_name, u.id""")
                .param(id)
                .query((rs, n) -> new OpsAccount.Member(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private List<OpsAccount.Method> methods(UUID id) {
        return jdbc.sql("""
                        select label, status, is_default from payment_method where account_id = ?
                         order by is_default desc, created_at desc""")
                .param(id)
                .query((rs, n) -> new OpsAccount.Method(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    private List<OpsAccount.Service> services(UUID id) {
        return jdbc.sql("""
                        select name, kind, price_value, price_currency, period, paid_until, status, auto_renew
                          from hosted_service where account_id = ? order by name, id""")
                .param(id)
                .query((rs, n) -> new OpsAccount.Service(rs.getString(1), rs.getString(2), money(rs, 3),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getBoolean(8)))
                .list();
    }

    private List<OpsAccount.Entry> timeline(UUID id) {
        return jdbc.sql("""
                        select created_at, kind, amount_value, amount_currency, reference from ledger_entry
                         where account_id = ? order by created_at desc, id limit ?""")
                .params(id, LATEST)
                .query((rs, n) -> new OpsAccount.Entry(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getString(2), money(rs, 3), rs.getString(5)))
                .list();
    }

    private List<OpsAccount.Payment> payments(UUID id) {
        return jdbc.sql("""
                        select p.id, p.created_at, p.amount_value, p.amount_currency, p.method_kind, p.provider,
                               p.provider_reference, p.status, i.number
                          from payment p left join invoice i on i.payment_id = p.id
                         where p.account_id = ? order by p.created_at desc, p.id limit ?""")
                .params(id, LATEST)
                .query((rs, n) -> new OpsAccount.Payment(rs.getObject(1, UUID.class).toString(),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), money(rs, 3), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    private record Head(String number, String name, @Nullable String country, Money balance) {
    }

    private static Money money(ResultSet rs, int valueColumn) throws SQLException {
        return Money.of(rs.getBigDecimal(valueColumn), Currency.getInstance(rs.getString(valueColumn + 1)));
    }
}
