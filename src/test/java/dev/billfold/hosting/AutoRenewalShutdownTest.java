package dev.billfold.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.gateway.ScriptedGateway;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.polling.Nodes;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one PostgreSQL, the first shut down (its context closed, as SIGTERM does) while its auto-renewal run
 * waits for a slow provider to charge a saved card for a shortfall (DD-087): the run finishes that service and claims
 * no other; if the shutdown limit runs out first, the claim is given back at once rather than after its 15-minute
 * lease. The other node's run then renews the rest, each service and period charged once, the card once.
 */
class AutoRenewalShutdownTest {

    final Nodes nodes = new Nodes();
    final ScriptedGateway provider = ScriptedGateway.SHARED;
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @AfterEach
    void stop() {
        nodes.close();
        provider.reset();
    }

    @Test
    void a_node_stopped_mid_run_finishes_the_service_under_way_and_the_other_node_renews_the_rest_once()
            throws Exception {
        provider.reset();
        ConfigurableApplicationContext stopping = nodes.start();
        ConfigurableApplicationContext other = nodes.start();
        JdbcClient jdbc = other.getBean(JdbcClient.class);
        var data = new TestData(jdbc);
        var fixtures = new ServiceFixtures(jdbc);
        Customer shortOfMoney = data.newCustomer("USD");
        HostedServiceId slow = slowTopUp(jdbc, fixtures, shortOfMoney);
        Customer funded = data.newCustomer("USD");
        fixtures.credit(funded, "100.00");
        List<HostedServiceId> rest = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rest.add(fixtures.service(funded, "VPS " + i, "10.00", "MONTH", today.plusDays(1), "ACTIVE", true));
        }
        provider.latency(Duration.ofMillis(1500), false);

        CompletableFuture<Void> run = CompletableFuture.runAsync(stopping.getBean(AutoRenewalTrigger.class)::run);
        awaitCharge(keyOf(slow));
        stopping.close();
        run.get(10, TimeUnit.SECONDS);

        assertThat(fixtures.charges(slow)).as("the service under way was finished").isEqualTo(1);
        for (HostedServiceId id : rest) {
            assertThat(fixtures.charges(id)).as("not claimed after shutdown began").isZero();
            assertThat(claimedUntil(jdbc, id)).isNull();
        }

        provider.latency(Duration.ZERO, false);
        other.getBean(AutoRenewalTrigger.class).run();

        for (HostedServiceId id : rest) {
            assertThat(fixtures.charges(id)).isEqualTo(1);
        }
        assertThat(fixtures.charges(slow)).isEqualTo(1);
        assertThat(fixtures.chargeReferences(funded.accountId())).hasSize(5).doesNotHaveDuplicates();
        assertThat(data.balance(funded.accountId())).isEqualByComparingTo("50.00");
        assertThat(chargesSent(keyOf(slow))).as("the card charged once").isEqualTo(1);
        Ledger ledger = other.getBean(Ledger.class);
        assertThat(LedgerChecks.isConsistent(ledger, funded.accountId())).isTrue();
        assertThat(LedgerChecks.isConsistent(ledger, shortOfMoney.accountId())).isTrue();
    }

    @Test
    void a_service_still_under_way_when_the_shutdown_limit_ends_is_given_back_at_once_and_the_card_charged_once()
            throws Exception {
        provider.reset();
        ConfigurableApplicationContext stopping = nodes.start(Map.of("billfold.shutdown.background-wait", "PT0.3S"));
        ConfigurableApplicationContext other = nodes.start();
        JdbcClient jdbc = other.getBean(JdbcClient.class);
        var fixtures = new ServiceFixtures(jdbc);
        Customer shortOfMoney = new TestData(jdbc).newCustomer("USD");
        HostedServiceId slow = slowTopUp(jdbc, fixtures, shortOfMoney);
        provider.latency(Duration.ofSeconds(3), false);

        CompletableFuture<Void> run = CompletableFuture.runAsync(stopping.getBean(AutoRenewalTrigger.class)::run);
        awaitCharge(keyOf(slow));
        stopping.close();

        assertThat(claimedUntil(jdbc, slow)).as("given back at shutdown, not leased for 15 minutes").isNull();
        run.get(10, TimeUnit.SECONDS);

        other.getBean(AutoRenewalTrigger.class).run();
        assertThat(jdbc.sql("select renewal_checked_on from hosted_service where id = ?").param(slow.value())
                .query(LocalDate.class).single()).as("the other node took the service on today").isEqualTo(today);
        assertThat(chargesSent(keyOf(slow))).as("the card charged once, the top-up's key reused").isEqualTo(1);
        assertThat(fixtures.charges(slow)).isLessThanOrEqualTo(1);
        assertThat(LedgerChecks.isConsistent(other.getBean(Ledger.class), shortOfMoney.accountId())).isTrue();
    }

    /** A service due today on an empty balance, topped up from a default card at the (slow) scripted provider. */
    private HostedServiceId slowTopUp(JdbcClient jdbc, ServiceFixtures fixtures, Customer customer) {
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, expires_on, failure_reason, created_at, checked_at, version)
                        values (?, ?, ?, ?, ?, 'Visa •••• 4242, 12/30', 'CONFIRMED', true, null, null, ?, ?, 0)""")
                .params(UUID.randomUUID(), customer.accountId().value(), customer.person().value(), ScriptedGateway.ID,
                        "pm_scripted_" + UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        fixtures.allowAutoTopUp(customer);
        HostedServiceId service = fixtures.service(customer, "VPS slow", "10.00", "MONTH", today, "ACTIVE", true);
        provider.chargePaid(keyOf(service), "ch_" + UUID.randomUUID(), Money.of("10.00", "USD"));
        return service;
    }

    private String keyOf(HostedServiceId service) {
        return "autorenew:" + service.value() + ":" + today;
    }

    private void awaitCharge(String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (chargesSent(key) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(chargesSent(key)).as("the run reached the slow top-up").isEqualTo(1);
    }

    private long chargesSent(String key) {
        return provider.chargesSent().stream().filter(request -> request.idempotencyKey().equals(key)).count();
    }

    private static OffsetDateTime claimedUntil(JdbcClient jdbc, HostedServiceId id) {
        return jdbc.sql("select renewal_claimed_until from hosted_service where id = ?").param(id.value())
                .query(OffsetDateTime.class).optional().orElse(null);
    }
}
