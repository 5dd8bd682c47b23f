package dev.billfold.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.gateway.ScriptedGateway;
import dev.billfold.payment.WaitingPaymentPoller;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node is shut down (its context closed, as SIGTERM does) in the middle of a poller cycle against a slow provider:
 * the cycle finishes the payment it is on and stops, the payments it claimed and did not ask about are released at
 * once (due now, not at the lease end), and a second node credits every payment exactly once without waiting for a
 * lease to run out (DD-081).
 */
class PollerShutdownTest {

    static final int PAYMENTS = 12;
    static final List<ReadinessState> READINESS = new CopyOnWriteArrayList<>();

    /** Records the stopping node's readiness changes. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ReadinessLog {
        @Bean
        ApplicationListener<AvailabilityChangeEvent<ReadinessState>> readinessLog() {
            return event -> READINESS.add(event.getState());
        }
    }

    final Nodes nodes = new Nodes();

    @AfterEach
    void stop() {
        nodes.close();
        ScriptedGateway.SHARED.reset();
    }

    @Test
    void a_node_stopped_mid_cycle_releases_its_unasked_claims_and_the_other_node_credits_each_payment_once()
            throws Exception {
        ScriptedGateway provider = ScriptedGateway.SHARED;
        provider.reset();
        // Its trigger exists, and its own schedule stays out of the way: the test starts the cycle.
        ConfigurableApplicationContext stopping = nodes.start(
                Map.of("billfold.poller.enabled", "true", "billfold.poller.interval", "PT1H"), ReadinessLog.class);
        ConfigurableApplicationContext other = nodes.start();
        JdbcClient jdbc = other.getBean(JdbcClient.class);
        PollerFixtures rows = new PollerFixtures(jdbc);
        Customer customer = new TestData(jdbc).newCustomer("USD");
        // Out of the way: what earlier tests left waiting at the scripted provider would be asked about too.
        jdbc.sql("update payment set status = 'REJECTED' where status = 'WAITING_FOR_PAYMENT' and provider = ?")
                .param(ScriptedGateway.ID).update();
        List<UUID> payments = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            String reference = "cs_stop_" + UUID.randomUUID();
            payments.add(rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, reference, "5.00",
                    Instant.now().minusSeconds(60)));
            references.add(reference);
            provider.pay(reference, Money.of(new BigDecimal("5.00"), Currency.getInstance("USD")));
        }
        provider.latency(Duration.ofMillis(300), false);

        PollingTrigger trigger = stopping.getBean(PollingTrigger.class);
        CompletableFuture<Void> cycle = CompletableFuture.runAsync(trigger::run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (asked(provider, references) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stopping.getBean(ApplicationAvailability.class).getReadinessState())
                .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        READINESS.clear();
        stopping.close();
        assertThat(READINESS).as("readiness went down at shutdown").contains(ReadinessState.REFUSING_TRAFFIC);
        Instant closed = Instant.now();
        cycle.get(10, TimeUnit.SECONDS);

        int askedByStopped = asked(provider, references);
        assertThat(askedByStopped).as("the cycle stopped early").isBetween(2, PAYMENTS - 2);
        List<UUID> unasked = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            if (provider.questions(references.get(i)) == 0) {
                unasked.add(payments.get(i));
            }
        }
        for (UUID payment : unasked) {
            assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");
            Instant next = jdbc.sql("select next_check_at from payment where id = ?").param(payment)
                    .query(OffsetDateTime.class).single().toInstant();
            assertThat(next).as("released at shutdown, not leased until the lease ends (2 minutes)")
                    .isBeforeOrEqualTo(closed);
        }

        provider.latency(Duration.ZERO, false);
        other.getBean(WaitingPaymentPoller.class).runCycle();

        for (int i = 0; i < PAYMENTS; i++) {
            assertThat(rows.paymentStatus(payments.get(i))).isEqualTo("CREDITED");
            assertThat(rows.credits(payments.get(i))).isEqualTo(1);
            assertThat(provider.questions(references.get(i))).as("asked once, by one node").isEqualTo(1);
        }
    }

    private static int asked(ScriptedGateway provider, List<String> references) {
        return references.stream().mapToInt(provider::questions).sum();
    }
}
