package dev.billfold.poller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.gateway.CheckoutRequest;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.ScriptedGateway;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.payment.WaitingPaymentPoller;
import dev.billfold.paymentmethod.PendingMethodPoller;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The background checks, one transition at a time, against a scripted provider and a clock the test moves: pending
 * methods confirmed, rejected, backed off and given up; waiting payments credited once, rejected and deleted when
 * unpaid; cards past their expiry.
 */
@SpringBootTest
@Import({ScriptedGateway.Config.class, PollerContract.Clock.class})
abstract class PollerContract {

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Clock {
        @Bean
        @Primary
        MutableClock pollerClock() {
            return new MutableClock(START);
        }
    }

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    PendingMethodPoller methodPoller;
    @Autowired
    WaitingPaymentPoller paymentPoller;

    final ScriptedGateway provider = ScriptedGateway.SHARED;
    PollerFixtures rows;
    Customer customer;

    @BeforeEach
    void fresh() {
        clock.set(START);
        provider.reset();
        rows = new PollerFixtures(jdbc);
        customer = data.newCustomer("USD");
        // Rows of earlier tests in the shared database are moved out of the way, so each test sees only its own.
        jdbc.sql("update payment_method set status = 'FAILED', is_default = false where status = 'PENDING' and provider = ?")
                .param(ScriptedGateway.ID).update();
    }

    @Test
    void a_method_the_provider_confirmed_becomes_confirmed_and_the_payers_first_becomes_its_default() {
        UUID first = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_1_" + UUID.randomUUID(), START);
        UUID second = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_2_" + UUID.randomUUID(), START);
        provider.confirmSetup(reference(first), "pm_first_" + first);
        methodPoller.runCycle();

        assertThat(rows.methodStatus(first)).isEqualTo("CONFIRMED");
        assertThat(rows.isDefault(first)).isTrue();
        assertThat(rows.methodStatus(second)).isEqualTo("PENDING");

        provider.confirmSetup(reference(second), "pm_second_" + second);
        clock.advance(Duration.ofMinutes(1));
        methodPoller.runCycle();
        assertThat(rows.methodStatus(second)).isEqualTo("CONFIRMED");
        assertThat(rows.isDefault(second)).as("only the first confirmed method becomes the default").isFalse();
        assertThat(rows.isDefault(first)).isTrue();
    }

    @Test
    void a_method_the_provider_rejected_fails_with_the_providers_reason() {
        UUID method = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_r_" + UUID.randomUUID(), START);
        provider.reject(reference(method), "Your card does not support saving.");
        methodPoller.runCycle();

        assertThat(rows.methodStatus(method)).isEqualTo("FAILED");
        assertThat(rows.failureReason(method)).isEqualTo("Your card does not support saving.");
        assertThat(rows.isDefault(method)).isFalse();
    }

    @Test
    void a_method_still_pending_is_asked_again_after_1_5_15_minutes_then_an_hour_and_never_before() {
        UUID method = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_p_" + UUID.randomUUID(), START);
        String ref = reference(method);
        Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)};
        int asked = 0;
        for (Duration delay : expected) {
            methodPoller.runCycle();
            asked++;
            assertThat(provider.questions(ref)).isEqualTo(asked);
            assertThat(rows.attempts("payment_method", method)).isEqualTo(asked);
            assertThat(rows.nextCheck("payment_method", method)).isEqualTo(clock.instant().plus(delay));

            clock.advance(delay.minusSeconds(1));
            methodPoller.runCycle();
            assertThat(provider.questions(ref)).as("not asked before it is due").isEqualTo(asked);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(rows.methodStatus(method)).isEqualTo("PENDING");
    }

    @Test
    void the_backoff_is_capped_at_24_hours() {
        UUID method = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_c_" + UUID.randomUUID(), START);
        for (int i = 0; i < 8; i++) {
            methodPoller.runCycle();
            Instant next = rows.nextCheck("payment_method", method);
            assertThat(Duration.between(clock.instant(), next)).isLessThanOrEqualTo(Duration.ofHours(24));
            clock.set(next);
        }
        methodPoller.runCycle();
        assertThat(Duration.between(clock.instant(), rows.nextCheck("payment_method", method))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void a_method_not_confirmed_within_seven_days_fails_as_not_confirmed_in_time() {
        UUID method = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, "seti_g_" + UUID.randomUUID(), START);
        UUID unopened = rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, null, START);
        methodPoller.runCycle();
        clock.set(START.plus(Duration.ofDays(7)).minusSeconds(1));
        methodPoller.runCycle();
        assertThat(rows.methodStatus(method)).isEqualTo("PENDING");
        assertThat(rows.methodStatus(unopened)).as("a setup that never opened is not asked about").isEqualTo("PENDING");
        assertThat(Duration.between(clock.instant(), rows.nextCheck("payment_method", method)))
                .as("the last check is at the deadline, not a day after").isEqualTo(Duration.ofSeconds(1));

        clock.set(START.plus(Duration.ofDays(7)));
        methodPoller.runCycle();
        assertThat(rows.methodStatus(method)).isEqualTo("FAILED");
        assertThat(rows.failureReason(method)).isEqualTo("Not confirmed in time: the provider did not confirm the method within 7 days.");
        assertThat(rows.methodStatus(unopened)).isEqualTo("FAILED");
        assertThat(provider.questions(reference(method))).as("asked once more before giving up").isGreaterThan(1);
    }

    @Test
    void a_waiting_payment_the_provider_reports_paid_is_credited_exactly_once() {
        String ref = "cs_paid_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "42.50", START);
        provider.pay(ref, Money.of(new BigDecimal("42.50"), Currency.getInstance("USD")));

        paymentPoller.runCycle();
        clock.advance(Duration.ofHours(2));
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("CREDITED");
        assertThat(rows.credits(payment)).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("42.50");
        assertThat(provider.questions(ref)).as("a settled payment is not asked about again").isEqualTo(1);
    }

    @Test
    void a_waiting_payment_the_provider_declined_is_rejected_and_credits_nothing() {
        String ref = "cs_declined_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "10.00", START);
        provider.reject(ref, "Your card was declined.");
        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("REJECTED");
        assertThat(rows.paymentReason(payment)).isEqualTo("Your card was declined.");
        assertThat(rows.credits(payment)).isZero();
    }

    @Test
    void a_waiting_checkout_is_backed_off_and_deleted_after_three_days_when_the_provider_still_has_nothing() {
        String ref = "cs_open_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "10.00", START);
        paymentPoller.runCycle();
        assertThat(rows.nextCheck("payment", payment)).isEqualTo(START.plus(Duration.ofMinutes(1)));

        clock.set(START.plus(Duration.ofDays(3)).minusSeconds(1));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");

        clock.set(START.plus(Duration.ofDays(3)));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(payment)).isEqualTo("DELETED");
        assertThat(rows.paymentReason(payment)).isEqualTo("Not paid within 3 days; deleted.");
        assertThat(rows.credits(payment)).isZero();
    }

    @Test
    void an_unpaid_invoice_is_deleted_after_thirty_days_and_a_checkout_never_opened_after_three() {
        UUID invoice = rows.waitingPayment(customer, "INVOICE", null, null, "500.00", START);
        UUID unopened = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, null, "20.00", START);

        clock.set(START.plus(Duration.ofDays(3)).minusSeconds(1));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(unopened)).isEqualTo("WAITING_FOR_PAYMENT");

        clock.set(START.plus(Duration.ofDays(3)));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(unopened)).isEqualTo("DELETED");
        assertThat(rows.paymentStatus(invoice)).as("an invoice has 30 days").isEqualTo("WAITING_FOR_PAYMENT");

        clock.set(START.plus(Duration.ofDays(30)).minusSeconds(1));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(invoice)).isEqualTo("WAITING_FOR_PAYMENT");
        clock.set(START.plus(Duration.ofDays(30)));
        paymentPoller.runCycle();
        assertThat(rows.paymentStatus(invoice)).isEqualTo("DELETED");
        assertThat(rows.paymentReason(invoice)).isEqualTo("Not paid within 30 days; deleted.");
    }

    @Test
    void a_provider_that_times_out_leaves_its_items_waiting_and_the_other_providers_payments_are_still_settled() {
        String ref = "cs_down_" + UUID.randomUUID();
        UUID payment = rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, ref, "10.00", START);
        Money amount = Money.of(new BigDecimal("15.00"), Currency.getInstance("USD"));
        var demoCheckout = gateways.require("demo").startCheckout(new CheckoutRequest("poller-demo:" + UUID.randomUUID(),
                amount, customer.person().value().toString(), "Pat Person", "Top-up", "/payment-return/x", "/payment-return/x", false));
        new DemoCustomer(gateways).pay(demoCheckout.reference());
        UUID demoPayment = rows.waitingPayment(customer, "CHECKOUT", "demo", demoCheckout.reference(), "15.00", START);
        provider.down(true);
        provider.latency(Duration.ofMillis(200), false);

        paymentPoller.runCycle();

        assertThat(rows.paymentStatus(payment)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(rows.attempts("payment", payment)).isEqualTo(1);
        assertThat(rows.paymentReason(payment)).isEqualTo("The provider did not answer; we will check again shortly.");
        assertThat(rows.paymentStatus(demoPayment)).isEqualTo("CREDITED");
        assertThat(rows.credits(demoPayment)).isEqualTo(1);
    }

    @Test
    void a_confirmed_card_past_its_expiry_month_becomes_expired_and_stops_being_the_default() {
        var card = data.savedCard(customer, customer.person(), "4242", true);
        jdbc.sql("update payment_method set expires_on = ? where id = ?").params(LocalDate.parse("2026-02-28"), card.value()).update();
        methodPoller.runCycle();
        assertThat(rows.methodStatus(card.value())).isEqualTo("EXPIRED");
        assertThat(rows.isDefault(card.value())).isFalse();
    }

    private String reference(UUID method) {
        return jdbc.sql("select setup_reference from payment_method where id = ?").param(method).query(String.class).single();
    }
}
