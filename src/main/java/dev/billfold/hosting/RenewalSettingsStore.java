package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
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
