package dev.billfold.account;

import dev.billfold.security.UserId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which payer each member last chose in the header, per account (table active_payer). */
@Component
class ActivePayerStore {

    private final JdbcClient jdbc;

    ActivePayerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PayerId> find(UserId user, AccountId account) {
        return jdbc.sql("select payer_id from active_payer where user_id = :user and account_id = :account")
                .param("user", user.value()).param("account", account.value())
                .query(UUID.class).optional().map(PayerId::new);
    }

    /** Insert-or-update in two statements that H2 and PostgreSQL both understand, safe when two tabs race. */
    void remember(UserId user, AccountId account, PayerId payer) {
        jdbc.sql("""
                        insert into active_payer (user_id, account_id, payer_id) values (:user, :account, :payer)
                        on conflict do nothing""")
                .param("user", user.value()).param("account", account.value()).param("payer", payer.value()).update();
        jdbc.sql("update active_payer set payer_id = :payer where user_id = :user and account_id = :account")
                .param("user", user.value()).param("account", account.value()).param("payer", payer.value()).update();
    }
}
