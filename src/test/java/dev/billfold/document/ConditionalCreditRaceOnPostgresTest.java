package dev.billfold.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldPostgresTest;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.payment.BankReceipt;
import dev.billfold.payment.BankTransfers;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.ReceiptOutcome;
import dev.billfold.staff.StaffRole;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance's conditional credit of a payment order and a statement's credit of the same invoice, at once: whichever
 * takes the payment's lock first, the account gets one TOP_UP entry and the payment ends Credited. Each order is
 * forced: the first holds the lock, uncommitted, until the second waits for it (PostgreSQL shows the wait in
 * pg_stat_activity). PostgreSQL only, where production runs and the wait can be seen.
 */
@BillfoldPostgresTest
class ConditionalCreditRaceOnPostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentOrderService orders;
    @Autowired
    PaymentOrderReview review;
    @Autowired
    BankTransfers bank;
    @Autowired
    TransactionTemplate transactions;

    Customer customer;
    PaymentId invoice;
    PaymentOrderId order;
    String finance;
    ExecutorService threads;

    @BeforeEach
    void aPaymentOrderUnderReview() {
        customer = data.newCustomer("USD");
        invoice = new PaymentId(UUID.randomUUID());
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind,
                          idempotency_key, save_method, status, created_at, updated_at, version)
                        values (?, ?, ?, 100.00, 'USD', 'INVOICE', ?, false, 'WAITING_FOR_PAYMENT', ?, ?, 0)""")
                .params(invoice.value(), customer.accountId().value(), customer.company().value(),
                        "race:" + invoice.value(), now, now)
                .update();
        jdbc.sql("""
                        insert into invoice (payment_id, number, recipient_name, recipient_bank_details, payer_name,
                          payer_tax_id, payer_address, purpose, issued_at, due_at)
                        values (?, ?, 'R', 'B', 'Pat Company Ltd', 'VAT-123', 'A', 'P', ?, ?)""")
                .params(invoice.value(), "INV-R-" + invoice.value().toString().substring(0, 8), now, now.plusDays(10))
                .update();
        TestData.signIn(customer.username());
        order = orders.upload(invoice, DocumentChecksTest.file("payment-order.pdf")).id();
        TestData.signOut();
        finance = data.newStaffUser();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
        TestData.signOut();
    }

    @Test
    void the_statement_first_credits_the_payment_and_the_conditional_credit_waiting_behind_it_is_refused()
            throws Exception {
        Object second = whileHolding(this::receive, () -> review.conditionallyCredit(order, "Stamped"));

        assertThat(second).isInstanceOf(InvalidRequestException.class);
        assertThat(((Throwable) second).getMessage()).contains("already credited");
        assertOneTopUpAndCredited();
        assertThat(orderStatus()).as("the order's decision rolled back with the refusal").isEqualTo("PENDING");
    }

    @Test
    void the_conditional_credit_first_and_the_statement_waiting_behind_it_completes_it_without_a_second_entry()
            throws Exception {
        Object second = whileHolding(() -> review.conditionallyCredit(order, "Stamped"), this::receive);

        assertThat(second).isInstanceOfSatisfying(ReceiptOutcome.class, outcome -> {
            assertThat(outcome.result()).isEqualTo(ReceiptOutcome.Result.CREDITED);
            assertThat(outcome.balanceMoved()).isFalse();
        });
        assertOneTopUpAndCredited();
        assertThat(orderStatus()).isEqualTo("CONDITIONALLY_CREDITED");
    }

    private ReceiptOutcome receive() {
        String cause = "RACE:" + UUID.randomUUID();
        return bank.receive(List.of(new BankReceipt(cause, Money.of("100.00", "USD"), LocalDate.now(),
                "Pat Company Ltd", "VAT-123", "invoice", "REF-" + cause,
                new BankReceipt.CreditInvoice(invoice, null)))).getFirst();
    }

    /**
     * Runs {@code first} in a transaction kept open until {@code second} waits for a lock, then commits it. Returns
     * what {@code second} returned, or the exception it threw.
     */
    private Object whileHolding(Callable<?> first, Callable<?> second) throws Exception {
        var ranUncommitted = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> {
            TestData.signIn(finance, List.of(StaffRole.FINANCE));
            try {
                transactions.executeWithoutResult(status -> {
                    try {
                        first.call();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    ranUncommitted.countDown();
                    await(commit);
                });
            } finally {
                TestData.signOut();
            }
            return null;
        });
        assertThat(ranUncommitted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the first ran").isTrue();
        Future<Object> waiter = threads.submit(() -> {
            TestData.signIn(finance, List.of(StaffRole.FINANCE));
            try {
                return second.call();
            } catch (RuntimeException refused) {
                return refused;
            } finally {
                TestData.signOut();
            }
        });
        awaitWaitingForLock(waiter);
        commit.countDown();
        holder.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return waiter.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private void awaitWaitingForLock(Future<?> waiter) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!waiter.isDone() && System.nanoTime() < deadline) {
            int waiting = jdbc.sql("""
                            select count(*) from pg_stat_activity
                             where datname = current_database() and wait_event_type = 'Lock'""")
                    .query(Integer.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(waiter.isDone()).as("the second waits for the lock or has ended").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the second never waited for the lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertOneTopUpAndCredited() {
        assertThat(jdbc.sql("select count(*) from ledger_entry where account_id = ? and kind = 'TOP_UP'")
                .param(customer.accountId().value()).query(Integer.class).single()).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(jdbc.sql("select status from payment where id = ?").param(invoice.value()).query(String.class)
                .single()).isEqualTo("CREDITED");
    }

    private String orderStatus() {
        return jdbc.sql("select status from payment_order where id = ?").param(order.value()).query(String.class)
                .single();
    }
}
