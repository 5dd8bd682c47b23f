package dev.billfold.webhook;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.payment.PaymentId;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an event's compact body says, read in the change's transaction (so it is the state the change committed), and
 * the accounts' low-balance thresholds. Read-only on the other features' rows, as the mail log reads a payment's payer.
 */
@Component
class EventFactsStore {

    private final JdbcClient jdbc;

    EventFactsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AccountFacts(String number, String name, String currency) {
    }

    /** @param paid what the provider charged, for a payment in another currency than the account's (DD-096) */
    record PaymentFacts(AccountId accountId, Money amount, @Nullable Money credited, @Nullable Money paid,
                        String methodKind, @Nullable String provider, @Nullable String reason) {
    }

    record ServiceFacts(String name, String kind, String status, Money price, String period) {
    }

    record MethodFacts(AccountId accountId, UUID payerId, String provider, String label,
                       @Nullable String failureReason) {
    }

    Optional<AccountFacts> account(AccountId id) {
        return jdbc.sql("select account_number, name, currency from account where id = ?").param(id.value())
                .query((rs, n) -> new AccountFacts(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    Optional<PaymentFacts> payment(PaymentId id) {
        return jdbc.sql("""
                        select account_id, amount_value, amount_currency, credited_value, credited_currency,
                               pay_value, pay_currency, method_kind, provider, status_reason
                          from payment where id = ?""")
                .param(id.value())
                .query((rs, n) -> new PaymentFacts(new AccountId(rs.getObject("account_id", UUID.class)),
                        Money.of(rs.getString("amount_value"), rs.getString("amount_currency").strip()),
                        rs.getString("credited_value") == null ? null : Money.of(rs.getString("credited_value"),
                                rs.getString("credited_currency").strip()),
                        rs.getString("pay_value") == null ? null : Money.of(rs.getString("pay_value"),
                                rs.getString("pay_currency").strip()),
                        rs.getString("method_kind"), rs.getString("provider"), rs.getString("status_reason")))
                .optional();
    }

    Optional<ServiceFacts> service(HostedServiceId id) {
        return jdbc.sql("""
                        select name, kind, status, price_value, price_currency, period
                          from hosted_service where id = ?""")
                .param(id.value())
                .query((rs, n) -> new ServiceFacts(rs.getString("name"), rs.getString("kind"), rs.getString("status"),
                        Money.of(rs.getString("price_value"), rs.getString("price_currency").strip()),
                        rs.getString("period")))
                .optional();
    }

    Optional<MethodFacts> method(PaymentMethodId id) {
        return jdbc.sql("""
                        select account_id, payer_id, provider, label, failure_reason
                          from payment_method where id = ?""")
                .param(id.value())
                .query((rs, n) -> new MethodFacts(new AccountId(rs.getObject("account_id", UUID.class)),
                        rs.getObject("payer_id", UUID.class), rs.getString("provider"), rs.getString("label"),
                        rs.getString("failure_reason")))
                .optional();
    }

    /** The thresholds of those of the accounts that have one. */
    Map<AccountId, Money> thresholds(Collection<AccountId> accounts) {
        Map<AccountId, Money> found = new LinkedHashMap<>();
        if (accounts.isEmpty()) {
            return found;
        }
        List<UUID> ids = accounts.stream().map(AccountId::value).distinct().toList();
        jdbc.sql("""
                        select account_id, threshold_value, threshold_currency
                          from webhook_balance_threshold where account_id in (:ids)""")
                .param("ids", ids)
                .query(rs -> {
                    found.put(new AccountId(rs.getObject(1, UUID.class)),
                            Money.of(rs.getString(2), rs.getString(3).strip()));
                });
        return found;
    }

    Optional<Money> threshold(AccountId accountId) {
        return Optional.ofNullable(thresholds(List.of(accountId)).get(accountId));
    }

    void setThreshold(AccountId accountId, Money threshold) {
        int updated = jdbc.sql("""
                        update webhook_balance_threshold set threshold_value = ?, threshold_currency = ?
                         where account_id = ?""")
                .params(threshold.value(), threshold.currencyCode(), accountId.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into webhook_balance_threshold (account_id, threshold_value, threshold_currency)
                            values (?, ?, ?)""")
                    .params(accountId.value(), threshold.value(), threshold.currencyCode()).update();
        }
    }

    boolean clearThreshold(AccountId accountId) {
        return jdbc.sql("delete from webhook_balance_threshold where account_id = ?").param(accountId.value())
                .update() == 1;
    }
}
