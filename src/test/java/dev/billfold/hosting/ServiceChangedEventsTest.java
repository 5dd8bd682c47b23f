package dev.billfold.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData.Customer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The hosting side of the webhooks' service events (DD-075): the auto-renewal job and the renewal charger publish
 * {@link ServiceChanged} as they record the activity, one per change with a cause of its own, so that the webhook
 * outbox writes one event each (the webhook contract checks what it then sends).
 */
@BillfoldTest
@RecordApplicationEvents
class ServiceChangedEventsTest {

    @Autowired
    AutoRenewalJob job;
    @Autowired
    RenewalService renewals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;

    @SignedIn
    Customer customer;
    ServiceFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void onTheFixturesDay() {
        clock.set(ServiceFixtures.START);
        today = LocalDate.ofInstant(ServiceFixtures.START, ZoneOffset.UTC);
        fixtures = new ServiceFixtures(jdbc);
    }

    @Test
    void a_failed_renewal_each_day_then_the_suspension_then_the_renewal_that_resumes_it_are_each_one_event() {
        fixtures.credit(customer, "5.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH", today.plusDays(1), "ACTIVE", true);

        job.runOnce();
        clock.advance(Duration.ofDays(1));
        job.runOnce();
        fixtures.credit(customer, "10.00");
        clock.advance(Duration.ofDays(1));
        job.runOnce();

        List<ServiceChanged> changes = events.stream(ServiceChanged.class)
                .filter(change -> change.serviceId().equals(vps)).toList();
        assertThat(changes).extracting(ServiceChanged::change).containsExactly(
                ServiceChanged.Change.RENEWAL_FAILED, ServiceChanged.Change.RENEWAL_FAILED,
                ServiceChanged.Change.SUSPENDED, ServiceChanged.Change.RENEWED, ServiceChanged.Change.RESUMED);
        assertThat(changes).extracting(ServiceChanged::cause).doesNotHaveDuplicates();
        assertThat(changes).allMatch(change -> change.accountId().equals(customer.accountId()));
        assertThat(changes.get(0).message()).startsWith("Renewal failed: insufficient balance.");
        assertThat(changes.get(2).paidUntil()).isEqualTo(today.plusDays(1));
        assertThat(changes.get(3).paidUntil()).isEqualTo(today.plusDays(2).plusMonths(1));
    }

    @Test
    void a_customer_renewing_an_active_service_publishes_renewed_only() {
        fixtures.credit(customer, "20.00");
        HostedServiceId ip = fixtures.service(customer, "IP", "3.00", "MONTH", today.plusDays(4), "ACTIVE", false);

        renewals.renewFromBalance(List.of(new RenewalLine(ip, 3)));

        assertThat(events.stream(ServiceChanged.class).filter(change -> change.serviceId().equals(ip)))
                .singleElement().satisfies(change -> {
                    assertThat(change.change()).isEqualTo(ServiceChanged.Change.RENEWED);
                    assertThat(change.paidUntil()).isEqualTo(today.plusDays(4).plusMonths(3));
                });
    }
}
