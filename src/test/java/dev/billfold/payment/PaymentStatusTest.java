package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.IllegalTransitionException;
import dev.billfold.base.Money;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentStatusTest {

    /**
     * The allowed moves exactly as shared/DESIGN.md lists them, plus WAITING_FOR_CLARIFICATION → REJECTED for a charge
     * held while its outcome was unknown that the provider then reports declined (DD-035), and
     * WAITING_FOR_CLARIFICATION → DELETED for a checkout held because its provider could not be asked at its expiry
     * that the provider, asked at last, reports unpaid (DD-055), and CONDITIONALLY_CREDITED → DELETED for a
     * conditional credit whose money never arrived, reversed by Finance (DD-065).
     */
    private static final Map<PaymentStatus, Set<PaymentStatus>> DESIGN = Map.of(
            PaymentStatus.WAITING_FOR_PAYMENT, EnumSet.of(PaymentStatus.CREDITED, PaymentStatus.CONDITIONALLY_CREDITED,
                    PaymentStatus.WAITING_FOR_CLARIFICATION, PaymentStatus.REJECTED, PaymentStatus.DELETED),
            PaymentStatus.CONDITIONALLY_CREDITED, EnumSet.of(PaymentStatus.CREDITED, PaymentStatus.REFUNDED,
                    PaymentStatus.DELETED),
            PaymentStatus.WAITING_FOR_CLARIFICATION, EnumSet.of(PaymentStatus.CREDITED, PaymentStatus.REFUNDED,
                    PaymentStatus.REJECTED, PaymentStatus.DELETED),
            PaymentStatus.CREDITED, EnumSet.of(PaymentStatus.REFUNDED),
            PaymentStatus.REJECTED, EnumSet.noneOf(PaymentStatus.class),
            PaymentStatus.REFUNDED, EnumSet.noneOf(PaymentStatus.class),
            PaymentStatus.DELETED, EnumSet.noneOf(PaymentStatus.class));

    @Test
    void every_pair_of_statuses_follows_the_design() {
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(DESIGN.get(from).contains(to));
            }
        }
    }

    @Test
    void a_credited_payment_cannot_be_credited_again_rejected_or_deleted() {
        Payment credited = waiting().credit(Instant.EPOCH);

        assertThatThrownBy(() -> credited.credit(Instant.EPOCH)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("CREDITED to CREDITED");
        assertThatThrownBy(() -> credited.reject("no", Instant.EPOCH)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> credited.delete("no", Instant.EPOCH)).isInstanceOf(IllegalTransitionException.class);
        assertThat(credited.refund("customer asked", Instant.EPOCH).status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void a_rejected_payment_is_final() {
        Payment rejected = waiting().reject("declined", Instant.EPOCH);

        assertThatThrownBy(() -> rejected.credit(Instant.EPOCH)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> rejected.refund("x", Instant.EPOCH)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void crediting_records_the_credited_amount() {
        Payment credited = waiting().credit(Instant.EPOCH);

        assertThat(credited.credited()).isEqualTo(Money.of("10.00", "USD"));
        assertThat(credited.ledgerReference()).isEqualTo("payment:" + credited.id().value());
    }

    private static Payment waiting() {
        return Payment.waiting(AccountId.random(), PayerId.random(), Money.of("10", "USD"), MethodKind.INVOICE, null,
                null, "key-1", false, Instant.EPOCH);
    }
}
