package dev.billfold.polling;

import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows as earlier requests left them: methods being added, payments waiting. The behaviour under test is the poller's. */
final class PollerFixtures {

    private final JdbcClient jdbc;

    PollerFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A method the customer started adding at {@code provider}; {@code setupReference} is the provider's page. */
    UUID pendingMethod(Customer customer, PayerId payer, String provider, @Nullable String setupReference, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, expires_on, failure_reason, created_at, checked_at, setup_reference, version)
                        values (?, ?, ?, ?, null, 'New card (waiting for confirmation)', 'PENDING', false, null, null, ?, null, ?, 0)""")
                .params(id, customer.accountId().value(), payer.value(), provider, utc(createdAt), setupReference)
                .update();
        return id;
    }

    /** A checkout waiting at {@code provider} under {@code reference} (null: the page was never opened). */
    UUID waitingPayment(Customer customer, String kind, @Nullable String provider, @Nullable String reference,
                        String amount, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind, provider,
                          provider_reference, idempotency_key, save_method, status, created_at, updated_at, version)
                        values (?, ?, ?, ?, 'USD', ?, ?, ?, ?, false, 'WAITING_FOR_PAYMENT', ?, ?, 0)""")
                .params(id, customer.accountId().value(), customer.person().value(), new BigDecimal(amount), kind, provider,
                        reference, "poller:" + id, utc(createdAt), utc(createdAt))
                .update();
        return id;
    }

    /** A confirmed method at {@code provider} with the provider's token. */
    UUID confirmedMethod(Customer customer, String provider, String token) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, expires_on, failure_reason, created_at, checked_at, version)
                        values (?, ?, ?, ?, ?, 'Visa •••• 4242, 12/30', 'CONFIRMED', false, null, null, ?, null, 0)""")
                .params(id, customer.accountId().value(), customer.person().value(), provider, token,
                        utc(Instant.parse("2026-01-01T00:00:00Z")))
                .update();
        return id;
    }

    /**
     * An off-session charge of {@code method} still waiting, as a top-up leaves it when the provider's answer was lost:
     * the payment with its key {@code "poller:<id>"} and, with {@code description}, the request as recorded before sending.
     */
    UUID waitingCharge(Customer customer, String provider, UUID method, String token, @Nullable String reference,
                       String amount, Instant createdAt, @Nullable String description) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind, provider,
                          payment_method_id, provider_reference, idempotency_key, save_method, status, status_reason,
                          created_at, updated_at, version)
                        values (?, ?, ?, ?, 'USD', 'SAVED_METHOD', ?, ?, ?, ?, false, 'WAITING_FOR_PAYMENT',
                          'The provider did not answer; we will check the payment again shortly.', ?, ?, 0)""")
                .params(id, customer.accountId().value(), customer.person().value(), new BigDecimal(amount), provider,
                        method, reference, "poller:" + id, utc(createdAt), utc(createdAt))
                .update();
        if (description != null) {
            jdbc.sql("insert into payment_charge (payment_id, payer_ref, method_token, description) values (?, ?, ?, ?)")
                    .params(id, customer.person().value().toString(), token, description).update();
        }
        return id;
    }

    /** The provider said the charge waits for its customer's bank; {@code attempts}: times the customer was sent there. */
    void waitsForCustomer(UUID payment, int attempts, Instant at) {
        jdbc.sql("insert into payment_customer_action (payment_id, kind, attempts, updated_at) values (?, 'AUTHENTICATE', ?, ?)")
                .params(payment, attempts, utc(at)).update();
        jdbc.sql("update payment set status_reason = ? where id = ?")
                .params(dev.billfold.gateway.GatewayResult.CustomerAction.BANK_CONFIRMATION_NEEDED, payment).update();
    }

    boolean customerActionOpen(UUID payment) {
        return jdbc.sql("select count(*) from payment_customer_action where payment_id = ? and kind is not null")
                .param(payment).query(Integer.class).single() > 0;
    }

    String methodStatus(UUID id) {
        return jdbc.sql("select status from payment_method where id = ?").param(id).query(String.class).single();
    }

    @Nullable String failureReason(UUID id) {
        return jdbc.sql("select failure_reason from payment_method where id = ?").param(id).query(String.class).optional().orElse(null);
    }

    boolean isDefault(UUID id) {
        return jdbc.sql("select is_default from payment_method where id = ?").param(id).query(Boolean.class).single();
    }

    Instant nextCheck(String table, UUID id) {
        return jdbc.sql("select next_check_at from " + table + " where id = ?").param(id).query(OffsetDateTime.class)
                .single().toInstant();
    }

    int attempts(String table, UUID id) {
        return jdbc.sql("select check_attempts from " + table + " where id = ?").param(id).query(Integer.class).single();
    }

    String paymentStatus(UUID id) {
        return jdbc.sql("select status from payment where id = ?").param(id).query(String.class).single();
    }

    @Nullable String paymentReason(UUID id) {
        return jdbc.sql("select status_reason from payment where id = ?").param(id).query(String.class).optional().orElse(null);
    }

    int credits(UUID paymentId) {
        return jdbc.sql("select count(*) from ledger_entry where kind = 'TOP_UP' and reference = ?")
                .param("payment:" + paymentId).query(Integer.class).single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
