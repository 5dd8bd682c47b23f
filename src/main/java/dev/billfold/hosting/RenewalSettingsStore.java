package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.Money;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RenewalSettingsStore {

    private final JdbcClient jdbc;

    RenewalSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AutoTopUpSetting find(AccountId accountId) {
        return jdbc.sql("select top_up_from_saved_method, payer_id from renewal_settings where account_id = ?")
                .param(accountId.value())
                .query((rs, n) -> {
                    UUID payer = rs.getObject(2, UUID.class);
                    return new AutoTopUpSetting(rs.getBoolean(1), payer == null ? null : new PayerId(payer));
                })
                .optional().orElse(new AutoTopUpSetting(false, null));
    }

    private static final String RULE_AND_STATE = """
            select top_up_from_saved_method, payer_id, method_id, below_balance, below_runway_days, amount_mode,
                   amount, monthly_cap, declines, retry_after, switched_off_at, in_flight_key, in_flight_since, firings
              from renewal_settings where account_id = ?""";

    /** The account's auto top-up rule and guards, in {@code currency} (the account's). */
    Optional<Row> find(AccountId accountId, Currency currency) {
        return jdbc.sql(RULE_AND_STATE).param(accountId.value()).query((rs, n) -> row(rs, currency)).optional();
    }

    /** The same, with the row locked until the transaction ends: one decision to fire at a time, on any node. */
    Optional<Row> lock(AccountId accountId, Currency currency) {
        return jdbc.sql(RULE_AND_STATE + " for update").param(accountId.value())
                .query((rs, n) -> row(rs, currency)).optional();
    }

    record Row(AutoTopUpRule rule, AutoTopUpState state) {
    }

    private static Row row(ResultSet rs, Currency currency) throws SQLException {
        UUID payer = rs.getObject("payer_id", UUID.class);
        UUID method = rs.getObject("method_id", UUID.class);
        int runwayDays = rs.getInt("below_runway_days");
        Integer belowRunwayDays = rs.wasNull() ? null : runwayDays;
        var rule = new AutoTopUpRule(rs.getBoolean("top_up_from_saved_method"),
                payer == null ? null : new PayerId(payer), method == null ? null : new PaymentMethodId(method),
                money(rs.getBigDecimal("below_balance"), currency), belowRunwayDays,
                AutoTopUpRule.AmountMode.valueOf(rs.getString("amount_mode")),
                money(rs.getBigDecimal("amount"), currency), money(rs.getBigDecimal("monthly_cap"), currency));
        var state = new AutoTopUpState(rs.getInt("declines"), instant(rs, "retry_after"),
                instant(rs, "switched_off_at"), rs.getString("in_flight_key"), instant(rs, "in_flight_since"),
                rs.getLong("firings"));
        return new Row(rule, state);
    }

    private static @Nullable Money money(@Nullable BigDecimal value, Currency currency) {
        return value == null ? null : Money.of(value, currency);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable BigDecimal value(@Nullable Money money) {
        return money == null ? null : money.value();
    }

    /** Call under the account lock. The guards' state is kept: a changed rule does not reset a back-off. */
    void saveRule(AccountId accountId, AutoTopUpRule rule) {
        save(accountId, rule.enabled(), rule.payerId());
        jdbc.sql("""
                        update renewal_settings set method_id = ?, below_balance = ?, below_runway_days = ?,
                               amount_mode = ?, amount = ?, monthly_cap = ? where account_id = ?""")
                .params(rule.methodId() == null ? null : rule.methodId().value(), value(rule.belowBalance()),
                        rule.belowRunwayDays(), rule.amountMode().name(), value(rule.amount()),
                        value(rule.monthlyCap()), accountId.value())
                .update();
    }

    /** Call with the row locked ({@link #lock}). */
    void saveState(AccountId accountId, AutoTopUpState state) {
        jdbc.sql("""
                        update renewal_settings set declines = ?, retry_after = ?, switched_off_at = ?,
                               in_flight_key = ?, in_flight_since = ?, firings = ? where account_id = ?""")
                .params(state.declines(), utc(state.retryAfter()), utc(state.switchedOffAt()), state.inFlightKey(),
                        utc(state.inFlightSince()), state.firings(), accountId.value())
                .update();
    }

    /** Switched off by the guards: the rule stays as it was set, so switching it on again needs nothing re-entered. */
    void switchOff(AccountId accountId) {
        jdbc.sql("update renewal_settings set top_up_from_saved_method = false where account_id = ?")
                .param(accountId.value()).update();
    }

    /** Accounts whose auto top-up is on with a threshold of its own, for the daily check; {@code limit} at most. */
    List<AccountId> withThresholds(int limit) {
        return jdbc.sql("""
                        select account_id from renewal_settings where top_up_from_saved_method = true
                           and (below_balance is not null or below_runway_days is not null)
                         order by account_id limit ?""")
                .param(limit).query((rs, n) -> new AccountId(rs.getObject(1, UUID.class))).list();
    }

    /** Call under the account lock: an update, then an insert if there was no row (one SQL for H2 and PostgreSQL). */
    void save(AccountId accountId, boolean enabled, @Nullable PayerId payerId) {
        UUID payer = payerId == null ? null : payerId.value();
        int changed = jdbc.sql("update renewal_settings set top_up_from_saved_method = ?, payer_id = ? "
                        + "where account_id = ?")
                .params(enabled, payer, accountId.value()).update();
        if (changed == 0) {
            jdbc.sql("insert into renewal_settings (account_id, top_up_from_saved_method, payer_id) values (?, ?, ?)")
                    .params(accountId.value(), enabled, payer).update();
        }
    }

    /**
     * Auto-renewing services of the account, when the account lets the job top up from this payer's default method;
     * 0 otherwise.
     */
    int autoRenewingServicesToppedUpFrom(AccountId accountId, PayerId payerId) {
        return jdbc.sql("""
                        select count(*) from hosted_service s
                        join renewal_settings r on r.account_id = s.account_id
                        where s.account_id = ? and r.top_up_from_saved_method = true and r.payer_id = ?
                          and s.auto_renew = true and s.status in ('ACTIVE', 'SUSPENDED')""")
                .params(accountId.value(), payerId.value()).query(Integer.class).single();
    }
}
