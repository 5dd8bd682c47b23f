package dev.billfold.payment;

import dev.billfold.base.Money;
import dev.billfold.gateway.ChargeRequest;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The off-session charge request of each saved-method payment, exactly as sent, so that a charge whose answer was lost
 * can be re-sent unchanged with the same idempotency key: providers refuse (Stripe) or may misread (PayPal) a key
 * reused with other parameters, and the account name in the description may have changed since (DD-034).
 */
@Repository
class ChargeRequestStore {

    private final JdbcClient jdbc;

    ChargeRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the transaction that creates the payment, before the provider is called. */
    void record(PaymentId paymentId, ChargeRequest request) {
        jdbc.sql("insert into payment_charge (payment_id, payer_ref, method_token, description) values (?, ?, ?, ?)")
                .params(paymentId.value(), request.payerId(), request.methodToken(), request.description())
                .update();
    }

    /** The request as first sent, rebuilt with the payment's key and amount; empty for a payment that has none. */
    Optional<ChargeRequest> find(PaymentId paymentId, String idempotencyKey, Money amount) {
        return jdbc.sql("select payer_ref, method_token, description from payment_charge where payment_id = ?")
                .param(paymentId.value())
                .query((rs, n) -> new ChargeRequest(idempotencyKey, rs.getString(1), rs.getString(2), amount,
                        rs.getString(3)))
                .optional();
    }
}
