package dev.billfold.hosting;

import dev.billfold.TestData.Customer;
import dev.billfold.account.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Services and balances for renewal tests, written the way an operator's provisioning would; the behaviour under test
 * always goes through the services. {@link #START} is where the renewal tests set the clock.
 */
public final class ServiceFixtures {

    public static final Instant START = Instant.parse("2030-03-10T05:00:00Z");

    private final JdbcClient jdbc;

    public ServiceFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public HostedServiceId service(Customer customer, String name, String price, String period, @Nullable LocalDate paidUntil,
                             String status, boolean autoRenew) {
        var id = HostedServiceId.random();
        String currency = jdbc.sql("select currency from account where id = ?").param(customer.accountId().value())
                .query(String.class).single().trim();
        jdbc.sql("""
                        insert into hosted_service (id, account_id, name, kind, price_value, price_currency, period, paid_until,
                          status, auto_renew, renewal_checked_on, renewal_claimed_until, created_at, version)
                        values (?, ?, ?, 'VPS', ?, ?, ?, ?, ?, ?, null, null, ?, 0)""")
                .params(id.value(), customer.accountId().value(), name, new BigDecimal(price), currency, period, paidUntil,
                        status, autoRenew, START.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    /** An operator's adjustment that gives the account a balance: one ledger entry and the cached balance with it. */
    public void credit(Customer customer, String amount) {
        String currency = jdbc.sql("select currency from account where id = ?").param(customer.accountId().value())
                .query(String.class).single().trim();
        jdbc.sql("""
                        insert into ledger_entry (id, account_id, amount_value, amount_currency, kind, reference, created_at)
                        values (?, ?, ?, ?, 'ADJUSTMENT', ?, ?)""")
                .params(UUID.randomUUID(), customer.accountId().value(), new BigDecimal(amount), currency,
                        "adjustment:" + UUID.randomUUID(), earlierThanEverything().atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("update account_balance set amount_value = amount_value + ? where account_id = ?")
                .params(new BigDecimal(amount), customer.accountId().value()).update();
    }

    /** Before anything a test does, whether it runs on the real clock or on the fixed one (which is later). */
    private static Instant earlierThanEverything() {
        Instant now = Instant.now();
        return (now.isBefore(START) ? now : START).minusSeconds(3600);
    }

    public record StoredService(LocalDate paidUntil, String status, boolean autoRenew) {
    }

    public StoredService stored(HostedServiceId id) {
        return jdbc.sql("select paid_until, status, auto_renew from hosted_service where id = ?").param(id.value())
                .query((rs, n) -> new StoredService(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBoolean(3)))
                .single();
    }

    public int charges(HostedServiceId id) {
        return jdbc.sql("select count(*) from renewal_charge where service_id = ?").param(id.value()).query(Integer.class).single();
    }

    public int chargeEntries(AccountId account) {
        return jdbc.sql("select count(*) from ledger_entry where account_id = ? and kind = 'CHARGE'").param(account.value())
                .query(Integer.class).single();
    }

    public java.util.List<String> chargeReferences(AccountId account) {
        return jdbc.sql("select reference from ledger_entry where account_id = ? and kind = 'CHARGE' order by reference")
                .param(account.value()).query(String.class).list();
    }

    public java.util.List<String> events(AccountId account, String kind) {
        return jdbc.sql("select message from renewal_event where account_id = ? and kind = ? order by created_at, id")
                .params(account.value(), kind).query(String.class).list();
    }

    public @Nullable String orderStatus(AccountId account) {
        return jdbc.sql("select status from renewal_order where account_id = ? order by created_at desc limit 1")
                .param(account.value()).query(String.class).optional().orElse(null);
    }

    public @Nullable String orderReason(AccountId account) {
        return jdbc.sql("select reason from renewal_order where account_id = ? order by created_at desc limit 1")
                .param(account.value()).query(String.class).optional().orElse(null);
    }

    public int orders(AccountId account) {
        return jdbc.sql("select count(*) from renewal_order where account_id = ?").param(account.value()).query(Integer.class).single();
    }

    public int demoCharges(String idempotencyKey) {
        return jdbc.sql("select count(*) from demo_charge where idempotency_key = ?").param(idempotencyKey).query(Integer.class).single();
    }

    public java.util.List<String> paymentKeys(AccountId account) {
        return jdbc.sql("select idempotency_key from payment where account_id = ? order by created_at").param(account.value())
                .query(String.class).list();
    }

    public void allowAutoTopUp(Customer customer) {
        jdbc.sql("insert into renewal_settings (account_id, top_up_from_saved_method, payer_id) values (?, true, ?)")
                .params(customer.accountId().value(), customer.person().value()).update();
    }
}
