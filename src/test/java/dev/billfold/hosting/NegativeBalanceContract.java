package dev.billfold.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.RefundNotifications;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.payment.PaymentService;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A balance below zero after a dispute (DD-069): auto-renewal charges neither the balance nor the saved card while it
 * lasts; after the grace period the account's services are suspended by the daily job, as lapsed ones are; and they
 * switch back on by themselves once the balance is back. The default grace period (14 days) is used.
 */
abstract class NegativeBalanceContract {

    @Autowired
    RenewalService renewals;
    @Autowired
    AutoRenewalJob job;
    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentHistoryQuery history;
    @Autowired
    RefundNotifications notifications;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    TestData data;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    MutableClock clock;

    @SignedIn
    Customer customer;
    ServiceFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void start() {
        clock.set(ServiceFixtures.START);
        today = LocalDate.ofInstant(ServiceFixtures.START, ZoneOffset.UTC);
        fixtures = new ServiceFixtures(jdbc);
    }

    @AfterEach
    void ledgerInvariant() {
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void while_the_balance_is_below_zero_auto_renewal_charges_nothing_then_services_are_suspended_and_come_back() {
        String reference = topUp("100.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "80.00", "MONTH", today.plusDays(20), "ACTIVE", false);
        renewals.renewFromBalance(List.of(new RenewalLine(vps, 1)));
        HostedServiceId web = fixtures.service(customer, "Web", "10.00", "MONTH", today.plusDays(2), "ACTIVE", true);
        data.savedCard(customer, customer.person(), "4242", true);
        renewals.setAutoTopUp(true, customer.person());
        notifications.dispute("demo", new ProviderDispute(null, reference, "dp_" + UUID.randomUUID(),
                Money.of("100.00", "USD"), ProviderDispute.State.OPEN, "open", "fraudulent"));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("-80.00");

        job.runOnce();

        assertThat(fixtures.events(customer.accountId(), "RENEWAL_FAILED")).singleElement()
                .isEqualTo(AutoRenewalJob.PAUSED);
        assertThat(fixtures.chargeEntries(customer.accountId())).as("only the customer's own renewal").isEqualTo(1);
        assertThat(data.payments(customer.accountId())).as("no automatic top-up from the card").isEqualTo(1);
        assertThat(fixtures.stored(vps).status()).as("within the grace period").isEqualTo("ACTIVE");

        clock.advance(Duration.ofDays(15));
        job.runOnce();

        assertThat(fixtures.stored(vps).status()).as("past the grace period").isEqualTo("SUSPENDED");
        assertThat(fixtures.stored(web).status()).isEqualTo("SUSPENDED");
        assertThat(fixtures.events(customer.accountId(), "SUSPENDED"))
                .anyMatch(message -> message.startsWith("Suspended: the balance has been below zero since "
                        + today + ", after money went back to the payer."));
        assertThat(data.payments(customer.accountId())).isEqualTo(1);

        topUp("100.00");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("20.00");
        job.runOnce();

        assertThat(fixtures.stored(vps).status()).as("still paid, so switched back on").isEqualTo("ACTIVE");
        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(today.plusDays(20).plusMonths(1));
        assertThat(fixtures.events(customer.accountId(), "RESUMED")).hasSize(1);
    }

    @Test
    void a_renewal_from_a_balance_below_zero_is_refused_and_charges_nothing() {
        String reference = topUp("50.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "20.00", "MONTH", today.plusDays(2), "ACTIVE", false);
        renewals.renewFromBalance(List.of(new RenewalLine(vps, 1)));
        notifications.dispute("demo", new ProviderDispute(null, reference, "dp_" + UUID.randomUUID(),
                Money.of("50.00", "USD"), ProviderDispute.State.OPEN, "open", null));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("-20.00");

        assertThatThrownBy(() -> renewals.renewFromBalance(List.of(new RenewalLine(vps, 1))))
                .isInstanceOf(InvalidRequestException.class);

        assertThat(fixtures.chargeEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("-20.00");
    }

    private String topUp(String amount) {
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Checkout("demo"), false, UUID.randomUUID().toString()));
        String reference = history.details(redirect.paymentId()).providerReference();
        new DemoCustomer(gateways).pay(reference);
        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        return reference;
    }
}
