package dev.billfold.account;

import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts as the provider's systems create and read them; reached only through {@link AccountProvisioning}. */
@Repository
class ProvisioningStore {

    private static final String ROW = """
            select a.id, a.account_number, a.name, a.currency, a.country, a.external_id,
                   coalesce(b.amount_value, 0) as balance
            from account a left join account_balance b on b.account_id = a.id""";

    private final JdbcClient jdbc;

    ProvisioningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumberBase() {
        return jdbc.sql("select nextval('account_number_seq')").query(Long.class).single();
    }

    /** The account and its zero balance, which every posting moves from then on. */
    void insert(AccountId id, String name, String currency, @Nullable String country, String number,
                @Nullable String externalId) {
        jdbc.sql("""
                        insert into account (id, name, currency, country, account_number, external_id, version)
                        values (?, ?, ?, ?, ?, ?, 0)""")
                .params(id.value(), name, currency, country, number, externalId).update();
        jdbc.sql("insert into account_balance (account_id, amount_value, amount_currency) values (?, 0, ?)")
                .params(id.value(), currency).update();
    }

    boolean externalIdTaken(String externalId) {
        return jdbc.sql("select count(*) from account where external_id = ?").param(externalId)
                .query(Integer.class).single() > 0;
    }

    Optional<ProvisionedAccount> find(AccountId id) {
        return jdbc.sql(ROW + " where a.id = ?").param(id.value()).query(ProvisioningStore::row).optional();
    }

    /** Locks the account's row, so that member changes of one account queue (the last owner stays). */
    Optional<ProvisionedAccount> lock(AccountId id) {
        return jdbc.sql("select id from account where id = ? for update").param(id.value()).query(UUID.class)
                .optional().flatMap(found -> find(id));
    }

    /** At most {@code limit} accounts after {@code after} (an account number), by number; or the one external id. */
    List<ProvisionedAccount> page(@Nullable String after, @Nullable String externalId, int limit) {
        StringBuilder sql = new StringBuilder(ROW).append(" where a.account_number > ?");
        List<Object> params = new java.util.ArrayList<>(List.of(after == null ? "" : after));
        if (externalId != null) {
            sql.append(" and a.external_id = ?");
            params.add(externalId);
        }
        sql.append(" order by a.account_number limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ProvisioningStore::row).list();
    }

    int rename(AccountId id, String name) {
        return jdbc.sql("update account set name = ?, version = version + 1 where id = ?").params(name, id.value())
                .update();
    }

    private static ProvisionedAccount row(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").strip());
        BigDecimal balance = rs.getBigDecimal("balance");
        return new ProvisionedAccount(new AccountId(rs.getObject("id", UUID.class)), rs.getString("account_number"),
                rs.getString("name"), currency.getCurrencyCode(), rs.getString("country"),
                rs.getString("external_id"), Money.of(balance, currency));
    }
}
