package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/** Mapping of the payment aggregate: typed ids, embedded money, statuses, versions. Runs on H2 and PostgreSQL. */
abstract class PaymentRepositoryContract {

    @Autowired
    PaymentRepository payments;
    @Autowired
    PaymentStateStore states;
    @Autowired
    TestData data;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void a_payment_round_trips_with_every_field() {
        Customer customer = data.newCustomer("USD");
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Payment saved = payments.save(Payment.waiting(customer.accountId(), customer.person(), Money.of("1234.56", "USD"),
                MethodKind.SAVED_METHOD, "demo", card, "key-" + customer.accountId().value(), false, now));

        Payment loaded = payments.findById(saved.id()).orElseThrow();

        assertThat(loaded.amount()).isEqualTo(Money.of("1234.56", "USD"));
        assertThat(loaded.paymentMethodId()).isEqualTo(card);
        assertThat(loaded.payerId()).isEqualTo(customer.person());
        assertThat(loaded.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(loaded.credited()).isNull();
        assertThat(loaded.createdAt()).isEqualTo(now);

        Payment credited = payments.save(loaded.withProviderReference("ch_1", now).credit(now));
        Payment reloaded = payments.findById(saved.id()).orElseThrow();
        assertThat(reloaded.status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(reloaded.credited()).isEqualTo(Money.of("1234.56", "USD"));
        assertThat(reloaded.exchangeRate()).isEqualByComparingTo("1");
        assertThat(reloaded.providerReference()).isEqualTo("ch_1");
        assertThat(reloaded.version()).isEqualTo(credited.version());
    }

    @Test
    void a_stale_copy_cannot_overwrite_a_newer_state() {
        Customer customer = data.newCustomer("USD");
        Payment saved = payments.save(Payment.waiting(customer.accountId(), customer.person(), Money.of("10", "USD"),
                MethodKind.INVOICE, null, null, "stale-" + customer.accountId().value(), false, Instant.now()));
        payments.save(saved.credit(Instant.now()));

        assertThatThrownBy(() -> payments.save(saved.reject("late decline", Instant.now())))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(payments.findById(saved.id()).orElseThrow().status()).isEqualTo(PaymentStatus.CREDITED);
    }

    @Test
    void an_idempotency_key_is_used_once() {
        Customer customer = data.newCustomer("USD");
        String key = "once-" + customer.accountId().value();
        payments.save(Payment.waiting(customer.accountId(), customer.person(), Money.of("10", "USD"), MethodKind.INVOICE,
                null, null, key, false, Instant.now()));

        assertThatThrownBy(() -> payments.save(Payment.waiting(customer.accountId(), customer.person(),
                Money.of("10", "USD"), MethodKind.INVOICE, null, null, key, false, Instant.now())))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(payments.findByIdempotencyKey(key)).isPresent();
    }

    @Test
    void the_settlement_store_reads_what_spring_data_wrote_and_refuses_a_stale_version() {
        Customer customer = data.newCustomer("USD");
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Payment saved = payments.save(Payment.waiting(customer.accountId(), customer.person(), Money.of("77.70", "USD"),
                MethodKind.SAVED_METHOD, "demo", card, "store-" + customer.accountId().value(), false, now));

        Payment locked = transaction.execute(tx -> states.lock(saved.id()).orElseThrow());
        assertThat(locked).isEqualTo(saved);

        Payment credited = transaction.execute(tx -> states.update(locked.withProviderReference("ch_9", now).credit(now)));
        assertThat(payments.findById(saved.id()).orElseThrow()).usingRecursiveComparison()
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class).isEqualTo(credited);

        assertThatThrownBy(() -> transaction.execute(tx -> states.update(locked.reject("late", now))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(payments.findById(saved.id()).orElseThrow().status()).isEqualTo(PaymentStatus.CREDITED);
    }
}
