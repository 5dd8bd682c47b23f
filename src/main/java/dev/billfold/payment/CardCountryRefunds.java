package dev.billfold.payment;

import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.RefundAnswer;
import dev.billfold.gateway.RefundIssuer;
import dev.billfold.gateway.RefundOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gives back the money of a checkout paid with a card from a refused country (DD-090). The payment was REJECTED, with
 * nothing credited, in the transaction that wrote this feature's row; the refund is sent after that commit, and every
 * waiting-payment cycle sends again (with the same key, so the provider makes one refund) what has no final answer.
 * The refund's own news (webhook, refund poller) finds a payment that never credited, so it never debits (DD-070).
 */
@Component
class CardCountryRefunds {

    static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(CardCountryRefunds.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final PaymentRepository payments;
    private final GatewayRegistry gateways;
    private final Clock clock;

    CardCountryRefunds(JdbcClient jdbc, PaymentRepository payments, GatewayRegistry gateways, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.gateways = gateways;
        this.clock = clock;
    }

    /** Inside the rejecting transaction: the refund is owed from now on, whatever happens to this node. */
    void owe(PaymentId paymentId, String cardCountry, Instant now) {
        jdbc.sql("""
                        insert into card_country_refund (payment_id, card_country, status, attempts, next_attempt_at,
                                                         created_at, updated_at)
                        values (?, ?, 'SENDING', 0, ?, ?, ?)""")
                .params(paymentId.value(), cardCountry, utc(now), utc(now), utc(now))
                .update();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void rejected(PaymentSettled settled) {
        if (settled.status() == PaymentStatus.REJECTED) {
            sendIfDue(settled.paymentId());
        }
    }

    /** One sweep over the refunds without a final answer whose next attempt is due; how many were sent. */
    int sendDue() {
        List<PaymentId> due = jdbc.sql("""
                        select payment_id from card_country_refund
                         where status in ('SENDING', 'PENDING') and next_attempt_at <= ?
                         order by next_attempt_at fetch first %d rows only""".formatted(BATCH))
                .param(utc(clock.instant()))
                .query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class)))
                .list();
        return (int) due.stream().filter(this::sendIfDue).count();
    }

    /** Claims the refund for a lease (so two nodes never send it at once), then sends or asks about it. */
    private boolean sendIfDue(PaymentId paymentId) {
        Instant now = clock.instant();
        Owed owed = jdbc.sql("""
                        select status, provider_refund_id, attempts from card_country_refund
                         where payment_id = ? and status in ('SENDING', 'PENDING') and next_attempt_at <= ?""")
                .params(paymentId.value(), utc(now))
                .query((rs, n) -> new Owed(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional().orElse(null);
        if (owed == null || jdbc.sql("""
                        update card_country_refund set next_attempt_at = ?, attempts = attempts + 1
                         where payment_id = ? and attempts = ?""")
                .params(utc(now.plus(LEASE)), paymentId.value(), owed.attempts()).update() != 1) {
            return false;
        }
        Payment payment = payments.findById(paymentId).orElseThrow();
        RefundIssuer gateway = payment.provider() == null ? null
                : gateways.find(payment.provider(), RefundIssuer.class).orElse(null);
        String reference = payment.providerReference();
        if (gateway == null || reference == null) {
            log.warn("Payment {}: its refund for a refused card waits for provider {}", paymentId.value(),
                    payment.provider());
            return false;
        }
        RefundAnswer answer;
        try {
            answer = owed.providerRefundId() != null
                    ? gateway.refundResult(reference, owed.providerRefundId())
                    : gateway.refund(new RefundOrder(key(paymentId), reference, payment.charged(),
                            "Card issuing country not accepted"));
        } catch (RuntimeException unreachable) {
            log.warn("Payment {}: refund for a refused card not sent; sent again later", paymentId.value(),
                    unreachable);
            answer = RefundAnswer.unknown(null, "The provider did not answer.");
        }
        record(paymentId, answer, owed.attempts() + 1, now);
        return true;
    }

    private void record(PaymentId paymentId, RefundAnswer answer, int attempts, Instant now) {
        String status = switch (answer.status()) {
            case SUCCEEDED -> "SUCCEEDED";
            case FAILED -> "FAILED";
            case PENDING -> "PENDING";
            case UNKNOWN -> "SENDING";
        };
        Instant next = now.plus(Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts, 6))))
                .truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("""
                        update card_country_refund
                           set status = ?, provider_refund_id = coalesce(?, provider_refund_id), failure_reason = ?,
                               next_attempt_at = ?, updated_at = ?
                         where payment_id = ?""")
                .params(status, answer.refundReference(), answer.status() == RefundAnswer.Status.FAILED
                        ? answer.reason() : null, utc(next), utc(now), paymentId.value())
                .update();
        switch (answer.status()) {
            case SUCCEEDED, PENDING -> log.info("Payment {}: refund for a refused card {}", paymentId.value(),
                    answer.status());
            case FAILED -> log.error("Payment {}: the provider refused to refund a charge from a refused card "
                    + "({}); finance must return it by hand", paymentId.value(), answer.reason());
            case UNKNOWN -> log.warn("Payment {}: refund for a refused card unanswered; sent again with the same key",
                    paymentId.value());
        }
    }

    /** Ours, one per payment: every retry is the same refund at the provider. */
    static String key(PaymentId paymentId) {
        return "card-country:" + paymentId.value();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private record Owed(String status, @Nullable String providerRefundId, int attempts) {
    }
}
