package dev.billfold.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.gateway.ScriptedGateway;
import dev.billfold.payment.PaymentSettled;
import dev.billfold.payment.WaitingPaymentPoller;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The provider says "paid", and the node dies inside the settlement transaction, after the payment row and the
 * ledger entry were written but before the commit. The node is stopped; a restarted node's poller credits the payment
 * exactly once, and a further cycle changes nothing.
 */
class PollerCrashTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));

    /** The node's clock, shared by the crashed and the restarted node. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        MutableClock nodeClock() {
            return CLOCK;
        }
    }

    /** Dies at the commit of any settlement that left WAITING: the stand-in for kill -9 between write and commit. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DiesBeforeCommit {
        @Bean
        CrashHook crashHook() {
            return new CrashHook();
        }
    }

    static class CrashHook {
        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
        void die(PaymentSettled settled) {
            throw new IllegalStateException("node killed before commit of " + settled.paymentId().value());
        }
    }

    final Nodes nodes = new Nodes();

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void a_node_killed_before_the_commit_credits_nothing_and_the_restarted_node_credits_exactly_once() {
        ScriptedGateway provider = ScriptedGateway.SHARED;
        provider.reset();
        ConfigurableApplicationContext crashing = nodes.start(SharedClock.class, DiesBeforeCommit.class);
        JdbcClient jdbc = crashing.getBean(JdbcClient.class);
        TestData data = new TestData(jdbc);
        PollerFixtures rows = new PollerFixtures(jdbc);
        Customer customer = data.newCustomer("USD");
        String checkout = "cs_crash_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, checkout, "64.00", CLOCK.instant());
        provider.pay(checkout, Money.of(new BigDecimal("64.00"), Currency.getInstance("USD")));

        crashing.getBean(WaitingPaymentPoller.class).runCycle();
        crashing.close();

        ConfigurableApplicationContext restarted = nodes.start(SharedClock.class);
        rows = new PollerFixtures(restarted.getBean(JdbcClient.class));
        data = new TestData(restarted.getBean(JdbcClient.class));
        assertThat(provider.questions(checkout)).as("the provider was asked and said paid").isEqualTo(1);
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(rows.credits(payment)).as("nothing committed").isZero();

        CLOCK.advance(Duration.ofMinutes(3)); // the dead node's lease on the row runs out
        restarted.getBean(WaitingPaymentPoller.class).runCycle();
        CLOCK.advance(Duration.ofHours(1));
        restarted.getBean(WaitingPaymentPoller.class).runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("CREDITED");
        assertThat(rows.credits(payment)).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("64.00");
        assertThat(provider.questions(checkout)).isEqualTo(2);
    }
}
