package dev.billfold.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentNotifications;
import dev.billfold.gateway.ScriptedGateway;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.WaitingPaymentPoller;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A provider switched off for longer than the payment expiry (issue 14, item 8). Two nodes on one PostgreSQL and one
 * clock: on the first the scripted provider is switched off (nothing in its configuration names it), on the second it
 * is switched on again. The first holds a checkout that has a provider reference for clarification at its expiry
 * instead of deleting it unasked; the second asks the provider, whose answer or late webhook settles it exactly once.
 */
class SwitchedOffProviderTest {

    /** Before anything the other poller tests leave waiting, so that only this test's checkouts are expired here. */
    static final Instant START = Instant.parse("2026-02-02T09:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);

    /** One clock for both nodes: the incident is the same three days on either. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        MutableClock nodeClock() {
            return CLOCK;
        }
    }

    static Nodes nodes;
    static ConfigurableApplicationContext switchedOff;
    static ConfigurableApplicationContext backOn;

    final ScriptedGateway provider = ScriptedGateway.SHARED;
    PollerFixtures rows;
    TestData data;
    Customer customer;

    @BeforeAll
    static void startNodes() {
        nodes = new Nodes();
        switchedOff = nodes.startWithoutScriptedProvider(SharedClock.class);
        backOn = nodes.start(SharedClock.class);
    }

    @AfterAll
    static void stop() {
        nodes.close();
    }

    @BeforeEach
    void fresh() {
        CLOCK.set(START);
        provider.reset();
        JdbcClient jdbc = switchedOff.getBean(JdbcClient.class);
        rows = new PollerFixtures(jdbc);
        data = new TestData(jdbc);
        customer = data.newCustomer("USD");
    }

    @Test
    void a_checkout_paid_while_its_provider_was_switched_off_is_held_at_its_expiry_and_credited_once_when_it_is_back() {
        String ref = "cs_incident_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "42.50", START);
        provider.pay(ref, usd("42.50"));

        heldAtItsExpiry(payment, ref);

        CLOCK.advance(Duration.ofHours(1));
        poller(backOn).runCycle();
        CLOCK.advance(Duration.ofHours(1));
        poller(backOn).runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("CREDITED");
        assertThat(provider.questions(ref)).as("asked once it is back, and not again once settled").isEqualTo(1);
        assertThat(notifications(backOn).byProviderReference(ScriptedGateway.ID, ref,
                GatewayResult.succeeded(ref, usd("42.50"), null))).isEqualTo(PaymentNotifications.Outcome.ALREADY_SETTLED);
        assertThat(rows.credits(payment)).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("42.50");
        assertThat(LedgerChecks.isConsistent(backOn.getBean(Ledger.class), customer.accountId())).isTrue();
    }

    @Test
    void a_late_webhook_credits_a_held_checkout_once_instead_of_answering_already_settled() {
        String ref = "cs_late_webhook_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "30.00", START);
        heldAtItsExpiry(payment, ref);

        var paid = GatewayResult.succeeded(ref, usd("30.00"), null);
        assertThat(notifications(backOn).byProviderReference(ScriptedGateway.ID, ref, paid))
                .isEqualTo(PaymentNotifications.Outcome.APPLIED);
        assertThat(notifications(backOn).byProviderReference(ScriptedGateway.ID, ref, paid))
                .as("the provider's retry").isEqualTo(PaymentNotifications.Outcome.ALREADY_SETTLED);
        CLOCK.advance(Duration.ofHours(1));
        poller(backOn).runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("CREDITED");
        assertThat(provider.questions(ref)).as("settled: the poller does not ask").isZero();
        assertThat(rows.credits(payment)).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("30.00");
        assertThat(LedgerChecks.isConsistent(backOn.getBean(Ledger.class), customer.accountId())).isTrue();
    }

    @Test
    void a_held_checkout_its_provider_reports_unpaid_once_back_is_deleted_then_and_credits_nothing() {
        String ref = "cs_never_paid_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "12.00", START);
        heldAtItsExpiry(payment, ref);

        CLOCK.advance(Duration.ofDays(2));
        poller(backOn).runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("DELETED");
        assertThat(rows.paymentReason(payment)).isEqualTo("Not paid within 3 days; deleted.");
        assertThat(provider.questions(ref)).isEqualTo(1);
        assertThat(rows.credits(payment)).isZero();
        assertThat(LedgerChecks.isConsistent(backOn.getBean(Ledger.class), customer.accountId())).isTrue();
    }

    /** The switched-off node's cycles up to and past the expiry: waiting until it, then held, and never asked. */
    private void heldAtItsExpiry(UUID payment, String ref) {
        CLOCK.set(START.plus(Duration.ofDays(3)).minusSeconds(1));
        poller(switchedOff).runCycle();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");

        CLOCK.set(START.plus(Duration.ofDays(3)));
        poller(switchedOff).runCycle();
        CLOCK.advance(Duration.ofDays(1));
        poller(switchedOff).runCycle();

        assertThat(rows.paymentStatus(payment)).as("it may have been paid: it waits for its provider")
                .isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(rows.paymentReason(payment)).isEqualTo(PollerContract.HELD_UNASKED);
        assertThat(provider.questions(ref)).as("a switched-off provider is never asked").isZero();
        assertThat(rows.credits(payment)).isZero();
    }

    private static WaitingPaymentPoller poller(ConfigurableApplicationContext node) {
        return node.getBean(WaitingPaymentPoller.class);
    }

    private static PaymentNotifications notifications(ConfigurableApplicationContext node) {
        return node.getBean(PaymentNotifications.class);
    }

    private static Money usd(String amount) {
        return Money.of(new BigDecimal(amount), Currency.getInstance("USD"));
    }
}
