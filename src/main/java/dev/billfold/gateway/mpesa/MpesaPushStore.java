package dev.billfold.gateway.mpesa;

import dev.billfold.base.Money;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The mpesa_push rows: one per payment key, claimed before the push is sent (DD-088). */
class MpesaPushStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    MpesaPushStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the push for this key; false when a push with this key was claimed before (by a retry or a race). */
    boolean claim(String idempotencyKey, String callbackTokenHash, String phone, Money amount) {
        try {
            jdbc.sql("""
                            insert into mpesa_push (idempotency_key, callback_token_hash, phone, amount_value,
                              amount_currency, created_at) values (?, ?, ?, ?, ?, ?)""")
                    .params(idempotencyKey, callbackTokenHash, phone, amount.value(), amount.currencyCode(),
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            return false;
        }
    }

    Optional<Push> byKey(String idempotencyKey) {
        return find("idempotency_key", idempotencyKey);
    }

    Optional<Push> byCheckoutRequest(String checkoutRequestId) {
        return find("checkout_request_id", checkoutRequestId);
    }

    Optional<Push> byTokenHash(String tokenHash) {
        return find("callback_token_hash", tokenHash);
    }

    /** Daraja accepted the push and named it. Once named, a push keeps its name. */
    void accepted(String idempotencyKey, String checkoutRequestId, @Nullable String merchantRequestId) {
        jdbc.sql("""
                        update mpesa_push set checkout_request_id = ?, merchant_request_id = ?
                        where idempotency_key = ? and checkout_request_id is null""")
                .params(checkoutRequestId, merchantRequestId, idempotencyKey).update();
    }

    /** Daraja refused the push: it never reached the phone. */
    void refused(String idempotencyKey, String resultCode) {
        jdbc.sql("update mpesa_push set result_code = ?, answered_at = ? where idempotency_key = ?")
                .params(resultCode, clock.instant().atOffset(ZoneOffset.UTC), idempotencyKey).update();
    }

    /** The final result code, and the receipt number M-Pesa gave a success; the first receipt recorded stays. */
    void answered(String checkoutRequestId, String resultCode, @Nullable String receiptNumber) {
        jdbc.sql("""
                        update mpesa_push set result_code = ?, receipt_number = coalesce(receipt_number, ?),
                          answered_at = coalesce(answered_at, ?)
                        where checkout_request_id = ?""")
                .params(resultCode, receiptNumber, clock.instant().atOffset(ZoneOffset.UTC), checkoutRequestId)
                .update();
    }

    private Optional<Push> find(String column, String value) {
        return jdbc.sql("""
                        select idempotency_key, phone, amount_value, amount_currency, checkout_request_id,
                          result_code, receipt_number from mpesa_push where %s = ?""".formatted(column))
                .param(value)
                .query((rs, n) -> new Push(rs.getString(1), rs.getString(2),
                        Money.of(rs.getBigDecimal(3), Currency.getInstance(rs.getString(4).trim())), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .optional();
    }

    record Push(String idempotencyKey, String phone, Money amount, @Nullable String checkoutRequestId,
                @Nullable String resultCode, @Nullable String receiptNumber) {
    }
}
