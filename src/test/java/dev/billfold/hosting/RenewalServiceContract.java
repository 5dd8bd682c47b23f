package dev.billfold.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.history.TimelineRow;
import dev.billfold.history.TransactionHistoryQuery;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentService;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.ShortfallTopUps;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Renewals, renewal orders, the auto-renewal job and the transaction history, through the services as the UI and the
 * scheduler call them, on a hand-moved clock. After every test, for every account it touched: the cached balance
 * equals the sum of the ledger entries, and the balance was never negative, neither at the end nor after any entry
 * (in the order the entries were written). Runs on H2 and on PostgreSQL.
 */
abstract class RenewalServiceContract {

    @Autowired
    RenewalService renewals;
    @Autowired
    AutoRenewalJob job;
    @Autowired
    TransactionHistoryQuery timeline;
    @Autowired
    PaymentService payments;
    @Autowired
    ShortfallTopUps shortfallTopUps;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    MutableClock clock;
    @Autowired
    MeterRegistry meters;

    ServiceFixtures fixtures;
    @SignedIn
    Customer customer;
    LocalDate today;
    final List<Customer> touched = new ArrayList<>();

    @BeforeEach
    void newCustomer() {
        clock.set(ServiceFixtures.START);
        today = LocalDate.ofInstant(ServiceFixtures.START, ZoneOffset.UTC);
        fixtures = new ServiceFixtures(jdbc);
        touched.add(customer);
    }

    @AfterEach
    void ledgerInvariant() {
        for (Customer who : touched) {
            BigDecimal balance = data.balance(who.accountId());
            assertThat(LedgerChecks.isConsistent(ledger, who.accountId())).as("cached balance equals the sum of entries").isTrue();
            assertThat(balance.signum()).as("balance never negative").isGreaterThanOrEqualTo(0);
            assertThat(data.runningBalances(who.accountId())).as("balance after each entry, in sequence")
                    .allSatisfy(after -> assertThat(after.signum()).isGreaterThanOrEqualTo(0));
        }
    }

    private Customer customer(String currency) {
        Customer created = data.newCustomer(currency);
        touched.add(created);
        return created;
    }

    // --- runway (DD-104) ---

    @Test
    void the_runway_and_the_cover_presets_follow_the_accounts_services_and_balance() {
        fixtures.credit(customer, "300.00");
        fixtures.service(customer, "VPS", "89.00", "MONTH", today.plusDays(10), "ACTIVE", true);
        fixtures.service(customer, "Licence", "40.00", "MONTH", today.plusDays(3), "ACTIVE", false);
        Customer other = customer("USD");
        fixtures.service(other, "Someone else's", "500.00", "MONTH", today.plusDays(1), "ACTIVE", true);

        Runway runway = renewals.runway();

        // Only the auto-renewing VPS draws: +10 d, +1 m 10 d and +2 m 10 d paid; +3 m 10 d is not
        assertThat(runway.balance().value()).isEqualByComparingTo("300.00");
        assertThat(runway.coveredUntil()).isEqualTo(today.plusDays(10).plusMonths(3));
        assertThat(runway.dailyCost().value()).isEqualByComparingTo("2.92");
        assertThat(renewals.coverPresets()).extracting(CoverPreset::months, preset -> preset.amount().value())
                .containsExactly(tuple(12, new BigDecimal("768.00")));
    }

    @Test
    void a_cover_preset_is_raised_to_the_top_up_minimum_and_left_out_above_the_maximum() {
        fixtures.credit(customer, "266.80");
        fixtures.service(customer, "VPS", "89.00", "MONTH", today.plusDays(10), "ACTIVE", true);
        Customer big = customer("USD");
        fixtures.service(big, "Cluster", "9000.00", "MONTH", today.plusDays(10), "ACTIVE", true);

        // 3 months need 267.00, 0.20 more than the balance: the minimum top-up of 0.50 instead
        assertThat(renewals.coverPresets()).extracting(CoverPreset::months, preset -> preset.amount().value())
                .first().isEqualTo(tuple(3, new BigDecimal("0.50")));
        TestData.signIn(big.username());
        assertThat(renewals.coverPresets()).as("3 months of the cluster are more than one top-up may be").isEmpty();
        assertThat(renewals.runway().days()).contains(10L);
    }

    // --- renewing from the balance ---

    @Test
    void renewing_three_months_with_enough_balance_charges_one_entry_per_period_and_extends_paid_until() {
        fixtures.credit(customer, "100.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH", today.plusDays(5), "ACTIVE", false);

        RenewalReceipt done = renewals.renewFromBalance(List.of(new RenewalLine(vps, 3)));
        assertThat(done.balanceAfter().value()).isEqualByComparingTo("70.00");

        LocalDate start = today.plusDays(5);
        assertThat(done.total().value()).isEqualByComparingTo("30.00");
        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(start.plusMonths(3));
        assertThat(fixtures.chargeReferences(customer.accountId())).containsExactlyInAnyOrder(
                "renewal:" + vps.value() + ":" + start,
                "renewal:" + vps.value() + ":" + start.plusMonths(1),
                "renewal:" + vps.value() + ":" + start.plusMonths(2));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("70.00");
        assertThat(fixtures.events(customer.accountId(), "RENEWED")).singleElement().asString().contains("3 months");
    }

    @Test
    void a_suspended_service_is_renewed_from_today_and_switched_on() {
        fixtures.credit(customer, "10.00");
        HostedServiceId ip = fixtures.service(customer, "IP", "3.00", "MONTH", today.minusDays(4), "SUSPENDED", false);

        renewals.renewFromBalance(List.of(new RenewalLine(ip, 1)));

        assertThat(fixtures.stored(ip)).isEqualTo(new ServiceFixtures.StoredService(today.plusMonths(1), "ACTIVE", false));
        assertThat(fixtures.chargeReferences(customer.accountId())).containsExactly("renewal:" + ip.value() + ":" + today);
    }

    @Test
    void a_migration_server_awaiting_its_first_payment_is_paid_and_starts_today() {
        fixtures.credit(customer, "200.00");
        HostedServiceId server = fixtures.service(customer, "Migration DS-4", "129.00", "MONTH", null, "AWAITING_PAYMENT", false);

        renewals.renewFromBalance(List.of(new RenewalLine(server, 1)));

        assertThat(fixtures.stored(server)).isEqualTo(new ServiceFixtures.StoredService(today.plusMonths(1), "ACTIVE", false));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("71.00");
    }

    @Test
    void a_short_balance_says_by_how_much_and_changes_nothing() {
        fixtures.credit(customer, "20.00");
        HostedServiceId a = fixtures.service(customer, "A", "15.00", "MONTH", today.plusDays(2), "ACTIVE", false);
        HostedServiceId b = fixtures.service(customer, "B", "10.00", "MONTH", today.plusDays(2), "ACTIVE", false);
        List<RenewalLine> both = List.of(new RenewalLine(a, 1), new RenewalLine(b, 1));

        RenewalQuote quote = renewals.quote(both);
        assertThat(quote.shortfall().value()).isEqualByComparingTo("5.00");
        assertThat(quote.topUpAmount().value()).isEqualByComparingTo("5.00");
        assertThatThrownBy(() -> renewals.renewFromBalance(both))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Your balance is $5.00 short for this renewal ($25.00 needed, $20.00 available).");

        assertThat(fixtures.stored(a).paidUntil()).isEqualTo(today.plusDays(2));
        assertThat(fixtures.chargeEntries(customer.accountId())).isZero();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("20.00");
    }

    @Test
    void the_top_up_for_a_shortfall_is_at_least_the_minimum_top_up() {
        Customer kzt = customer("KZT");
        TestData.signIn(kzt.username());
        fixtures.credit(kzt, "9400.00");
        HostedServiceId vps = fixtures.service(kzt, "VPS Almaty", "9500.00", "MONTH", today.plusDays(3), "ACTIVE", true);

        RenewalQuote quote = renewals.quote(List.of(new RenewalLine(vps, 1)));

        assertThat(quote.shortfall().value()).isEqualByComparingTo("100.00");
        assertThat(quote.topUpAmount().format()).isEqualTo("KZT 500.00");
    }

    @Test
    void the_shortfall_top_up_is_rounded_up_to_whole_minor_units_and_kept_within_the_top_up_limits() {
        // A shortfall is the difference of two amounts in the account currency, so it is always whole cents: a
        // fraction of a cent cannot even be written down (Money refuses 10.001 USD rather than round it), and the
        // rounding up in amountFor has nothing to round. What it asks for is never less than the shortfall.
        assertThatThrownBy(() -> Money.of("10.001", "USD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("USD has at most 2 decimal places, got 10.001");
        assertThat(shortfallTopUps.amountFor(Money.of("10.01", "USD"))).isEqualTo(Money.of("10.01", "USD"));
        assertThat(shortfallTopUps.amountFor(Money.of("10.1", "USD"))).isEqualTo(Money.of("10.10", "USD"));
        assertThat(shortfallTopUps.amountFor(Money.of("0.01", "USD"))).as("the USD minimum").isEqualTo(Money.of("0.50", "USD"));
        assertThat(shortfallTopUps.amountFor(Money.of("0.50", "USD"))).isEqualTo(Money.of("0.50", "USD"));
        assertThat(shortfallTopUps.amountFor(Money.of("0.51", "USD"))).isEqualTo(Money.of("0.51", "USD"));
        assertThat(shortfallTopUps.amountFor(Money.of("9999.99", "UZS"))).isEqualTo(Money.of("10000.00", "UZS"));
        assertThat(shortfallTopUps.amountFor(Money.of("15000.00", "USD"))).isEqualTo(Money.of("15000.00", "USD"));
        assertThatThrownBy(() -> shortfallTopUps.amountFor(Money.of("15000.01", "USD")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The balance is $15,000.01 short, more than the maximum top-up of $15,000.00 per payment. "
                        + "Top up in several payments first.");

        // Through the renewal quote: a cent short asks for the minimum top-up.
        fixtures.credit(customer, "23.99");
        HostedServiceId vps = fixtures.service(customer, "VPS", "24.00", "MONTH", today.plusDays(3), "ACTIVE", false);
        RenewalQuote quote = renewals.quote(List.of(new RenewalLine(vps, 1)));
        assertThat(quote.shortfall()).isEqualTo(Money.of("0.01", "USD"));
        assertThat(quote.topUpAmount()).isEqualTo(Money.of("0.50", "USD"));
    }

    @Test
    void bad_lines_are_refused_with_a_message_and_change_nothing() {
        fixtures.credit(customer, "500.00");
        HostedServiceId monthly = fixtures.service(customer, "Monthly", "10.00", "MONTH", today.plusDays(2), "ACTIVE", false);
        HostedServiceId yearly = fixtures.service(customer, "Yearly", "45.00", "YEAR", today.plusDays(2), "ACTIVE", false);
        Customer stranger = customer("USD");
        HostedServiceId strangers = fixtures.service(stranger, "Not yours", "1.00", "MONTH", today.plusDays(2), "ACTIVE", false);

        assertRefused(List.of(new RenewalLine(monthly, 2)), "Monthly is renewed by the month: choose 1, 3, 6 or 12 months.");
        assertRefused(List.of(new RenewalLine(yearly, 12)), "Yearly is renewed by the year: choose 1 year.");
        assertRefused(List.of(new RenewalLine(strangers, 1)), "That service is not part of your account.");
        assertRefused(List.of(new RenewalLine(new HostedServiceId(UUID.randomUUID()), 1)), "That service is not part of your account.");
        assertRefused(List.of(), "Choose at least one service to renew.");
        assertRefused(List.of(new RenewalLine(monthly, 1), new RenewalLine(monthly, 3)), "Each service can be chosen only once.");

        assertThat(fixtures.chargeEntries(customer.accountId())).isZero();
        assertThat(fixtures.charges(strangers)).isZero();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("500.00");
    }

    @Test
    void a_viewer_sees_services_but_cannot_renew_or_switch_auto_renewal() {
        fixtures.credit(customer, "100.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH", today.plusDays(2), "ACTIVE", true);
        TestData.signIn(data.addMember(customer.accountId(), "VIEWER"));

        assertThat(renewals.services()).extracting(HostedServiceSummary::name).containsExactly("VPS");
        assertThat(renewals.mayRenew()).isFalse();
        assertThatThrownBy(() -> renewals.renewFromBalance(List.of(new RenewalLine(vps, 1))))
                .isInstanceOf(InvalidRequestException.class).hasMessage("You do not have access to that account.");
        assertThatThrownBy(() -> renewals.setAutoRenew(vps, false))
                .isInstanceOf(InvalidRequestException.class).hasMessage("You cannot change auto-renewal of that service.");
        assertThatThrownBy(() -> renewals.setAutoTopUp(true, customer.person()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("You do not have access to that account.");

        assertThat(fixtures.stored(vps)).isEqualTo(new ServiceFixtures.StoredService(today.plusDays(2), "ACTIVE", true));
        assertThat(fixtures.chargeEntries(customer.accountId())).isZero();
    }

    @Test
    void a_billing_member_switches_auto_renewal_and_a_stranger_cannot() {
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH", today.plusDays(20), "ACTIVE", false);
        TestData.signIn(data.addMember(customer.accountId(), "BILLING"));

        assertThat(renewals.setAutoRenew(vps, true).autoRenew()).isTrue();
        assertThat(fixtures.stored(vps).autoRenew()).isTrue();

        Customer stranger = customer("USD");
        TestData.signIn(stranger.username());
        assertThatThrownBy(() -> renewals.setAutoRenew(vps, false))
                .isInstanceOf(InvalidRequestException.class).hasMessage("You cannot change auto-renewal of that service.");
        assertThat(fixtures.stored(vps).autoRenew()).isTrue();
    }

    @Test
    void two_renewals_racing_for_a_balance_that_covers_one_charge_once_and_never_overdraw() throws Exception {
        fixtures.credit(customer, "15.00");
        HostedServiceId a = fixtures.service(customer, "A", "10.00", "MONTH", today.plusDays(2), "ACTIVE", false);
        HostedServiceId b = fixtures.service(customer, "B", "10.00", "MONTH", today.plusDays(2), "ACTIVE", false);

        List<String> outcomes = runConcurrently(2, i -> {
            try {
                renewals.renewFromBalance(List.of(new RenewalLine(i == 0 ? a : b, 1)));
                return "renewed";
            } catch (InvalidRequestException shortBalance) {
                return shortBalance.getMessage();
            }
        });

        assertThat(outcomes).containsExactlyInAnyOrder("renewed",
                "Your balance is $5.00 short for this renewal ($10.00 needed, $5.00 available).");
        assertThat(fixtures.chargeEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("5.00");
    }

    // --- topping up the shortfall ---

    @Test
    void a_shortfall_topped_up_with_the_saved_card_renews_at_once_without_a_second_click() {
        data.savedCard(customer, customer.person(), "4242", true);
        fixtures.credit(customer, "20.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "24.00", "MONTH", today.plusDays(2), "ACTIVE", false);
        String key = UUID.randomUUID().toString();

        ShortfallOutcome outcome = renewals.topUpAndRenew(List.of(new RenewalLine(vps, 1)), customer.person(),
                savedMethodOf(customer), false, key);

        assertThat(outcome).isInstanceOf(ShortfallOutcome.Finished.class);
        var finished = (ShortfallOutcome.Finished) outcome;
        assertThat(finished.status()).isEqualTo(ShortfallOutcome.OrderStatus.COMPLETED);
        assertThat(finished.message()).contains("renewal is paid").contains("VPS for 1 month");
        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(today.plusDays(2).plusMonths(1));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(fixtures.paymentKeys(customer.accountId())).containsExactly("topup:" + key);

        // The same form submitted again replays: no second payment, order or charge.
        renewals.topUpAndRenew(List.of(new RenewalLine(vps, 1)), customer.person(), savedMethodOf(customer), false, key);
        assertThat(data.payments(customer.accountId())).isEqualTo(1);
        assertThat(fixtures.orders(customer.accountId())).isEqualTo(1);
        assertThat(fixtures.chargeEntries(customer.accountId())).isEqualTo(1);
    }

    @Test
    void a_declined_top_up_fails_the_order_tells_why_and_charges_nothing() {
        data.savedCard(customer, customer.person(), "0002", true);
        HostedServiceId vps = fixtures.service(customer, "VPS", "24.00", "MONTH", today.plusDays(2), "ACTIVE", false);

        var finished = (ShortfallOutcome.Finished) renewals.topUpAndRenew(List.of(new RenewalLine(vps, 1)), customer.person(),
                savedMethodOf(customer), false, UUID.randomUUID().toString());

        assertThat(finished.status()).isEqualTo(ShortfallOutcome.OrderStatus.FAILED);
        assertThat(finished.message()).isEqualTo("The top-up for this renewal was not paid (Your card was declined.). Nothing was charged.");
        assertThat(fixtures.events(customer.accountId(), "ORDER_FAILED")).containsExactly(finished.message());
        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(today.plusDays(2));
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_shortfall_paid_through_the_demo_checkout_renews_when_the_payment_is_credited_once_only() {
        HostedServiceId server = fixtures.service(customer, "Migration DS-4", "129.00", "MONTH", null, "AWAITING_PAYMENT", false);

        var redirect = (ShortfallOutcome.RedirectToProvider) renewals.topUpAndRenew(List.of(new RenewalLine(server, 1)),
                customer.person(), new MethodChoice.Checkout("demo"), false, UUID.randomUUID().toString());
        assertThat(fixtures.orderStatus(customer.accountId())).isEqualTo("AWAITING_PAYMENT");
        assertThat(fixtures.stored(server).status()).isEqualTo("AWAITING_PAYMENT");

        String checkoutId = redirect.url().substring(redirect.url().lastIndexOf('/') + 1);
        new DemoCustomer(gateways).pay(checkoutId);
        PaymentId paymentId = paymentOf(customer);
        assertThat(payments.confirmReturn(paymentId).status()).isEqualTo(PaymentStatus.CREDITED);

        assertThat(fixtures.orderStatus(customer.accountId())).isEqualTo("COMPLETED");
        assertThat(fixtures.stored(server)).isEqualTo(new ServiceFixtures.StoredService(today.plusMonths(1), "ACTIVE", false));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");

        // A second return and the job's recovery sweep find the order done: nothing more is charged.
        payments.confirmReturn(paymentId);
        job.runOnce();
        assertThat(fixtures.chargeEntries(customer.accountId())).isEqualTo(1);
    }

    @Test
    void a_refused_top_up_leaves_no_order_behind() {
        HostedServiceId vps = fixtures.service(customer, "VPS", "24.00", "MONTH", today.plusDays(2), "ACTIVE", false);
        Customer stranger = customer("USD");

        assertThatThrownBy(() -> renewals.topUpAndRenew(List.of(new RenewalLine(vps, 1)), stranger.person(),
                new MethodChoice.Invoice(), false, UUID.randomUUID().toString()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("That payer is not part of your account.");
        assertThat(fixtures.orders(customer.accountId())).isZero();
        assertThat(data.payments(customer.accountId())).isZero();
    }

    // --- the auto-renewal job ---

    @Test
    void the_job_renews_what_is_due_within_three_days_and_skips_the_rest() {
        fixtures.credit(customer, "100.00");
        HostedServiceId due = fixtures.service(customer, "Due", "10.00", "MONTH", today.plusDays(3), "ACTIVE", true);
        HostedServiceId later = fixtures.service(customer, "Later", "10.00", "MONTH", today.plusDays(4), "ACTIVE", true);
        HostedServiceId manual = fixtures.service(customer, "Manual", "10.00", "MONTH", today.plusDays(1), "ACTIVE", false);

        job.runOnce();

        assertThat(fixtures.stored(due).paidUntil()).isEqualTo(today.plusDays(3).plusMonths(1));
        assertThat(fixtures.stored(later).paidUntil()).isEqualTo(today.plusDays(4));
        assertThat(fixtures.stored(manual).paidUntil()).isEqualTo(today.plusDays(1));
        assertThat(fixtures.chargeReferences(customer.accountId()))
                .containsExactly("renewal:" + due.value() + ":" + today.plusDays(3));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("90.00");

        job.runOnce();
        assertThat(fixtures.chargeEntries(customer.accountId())).as("a second run the same day changes nothing").isEqualTo(1);
    }

    @Test
    void without_a_saved_method_a_short_balance_is_told_retried_daily_and_the_service_suspended_when_paid_time_passes() {
        fixtures.credit(customer, "5.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH", today.plusDays(1), "ACTIVE", true);

        job.runOnce();
        assertThat(fixtures.events(customer.accountId(), "RENEWAL_FAILED")).singleElement().asString()
                .startsWith("Renewal failed: insufficient balance. $10.00 is needed, the balance is $5.00.");
        assertThat(fixtures.stored(vps).status()).isEqualTo("ACTIVE");

        clock.advance(Duration.ofDays(1));
        job.runOnce();
        assertThat(fixtures.events(customer.accountId(), "RENEWAL_FAILED")).hasSize(2);
        assertThat(fixtures.stored(vps)).isEqualTo(new ServiceFixtures.StoredService(today.plusDays(1), "SUSPENDED", true));
        assertThat(fixtures.events(customer.accountId(), "SUSPENDED")).hasSize(1);

        fixtures.credit(customer, "10.00");
        clock.advance(Duration.ofDays(1));
        job.runOnce();
        assertThat(fixtures.stored(vps)).isEqualTo(new ServiceFixtures.StoredService(today.plusDays(2).plusMonths(1), "ACTIVE", true));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("5.00");
        assertThat(data.payments(customer.accountId())).isZero();
    }

    @Test
    void with_a_default_saved_card_and_the_account_allowing_it_the_job_tops_up_the_shortfall_and_renews() {
        data.savedCard(customer, customer.person(), "4242", true);
        fixtures.allowAutoTopUp(customer);
        fixtures.credit(customer, "4.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH", today.plusDays(2), "ACTIVE", true);
        String key = "autorenew:" + vps.value() + ":" + today.plusDays(2);

        job.runOnce();

        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(today.plusDays(2).plusMonths(1));
        assertThat(fixtures.paymentKeys(customer.accountId())).containsExactly(key);
        assertThat(fixtures.demoCharges(key)).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(fixtures.events(customer.accountId(), "RENEWAL_FAILED")).isEmpty();
    }

    @Test
    void an_account_that_allows_top_ups_but_has_no_default_method_or_a_declining_one_is_told() {
        fixtures.allowAutoTopUp(customer);
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH", today.plusDays(2), "ACTIVE", true);

        job.runOnce();
        assertThat(fixtures.events(customer.accountId(), "RENEWAL_FAILED")).singleElement().asString()
                .contains("The payer has no confirmed default payment method.");

        data.savedCard(customer, customer.person(), "0002", true);
        clock.advance(Duration.ofDays(1));
        job.runOnce();
        assertThat(fixtures.events(customer.accountId(), "RENEWAL_FAILED")).last().asString()
                .contains("Your card was declined.");
        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(today.plusDays(2));
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void the_owner_allows_automatic_top_ups_from_their_own_payer_only_and_the_job_uses_it() {
        data.savedCard(customer, customer.person(), "4242", true);
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH", today.plusDays(1), "ACTIVE", true);
        Customer stranger = customer("USD");

        assertThatThrownBy(() -> renewals.setAutoTopUp(true, stranger.person()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("That payer is not part of your account.");
        assertThat(renewals.autoTopUp().enabled()).isFalse();

        assertThat(renewals.setAutoTopUp(true, customer.person())).isEqualTo(new AutoTopUpSetting(true, customer.person()));
        job.runOnce();

        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(today.plusDays(1).plusMonths(1));
        assertThat(renewals.setAutoTopUp(false, null)).isEqualTo(new AutoTopUpSetting(false, null));
    }

    @Test
    void a_job_run_moves_the_renewal_meters_by_what_it_renewed_failed_and_suspended() {
        fixtures.credit(customer, "15.00");
        HostedServiceId first = fixtures.service(customer, "VPS A", "10.00", "MONTH", today.plusDays(1), "ACTIVE", true);
        HostedServiceId second = fixtures.service(customer, "VPS B", "10.00", "MONTH", today.plusDays(2), "ACTIVE", true);
        HostedServiceId lapsed = fixtures.service(customer, "Old", "10.00", "MONTH", today.minusDays(1), "ACTIVE", false);
        double runs = meters.counter("billfold.renewals.runs").count();
        double renewed = services("renewed");
        double failed = services("failed");
        double suspended = services("suspended");

        AutoRenewalJob.Report report = job.runOnce();

        // The balance pays one of the two; the other fails; the lapsed one is switched off. Other tests' services
        // that are due may be in the same run, so the meters are checked against what the run reports.
        assertThat(List.of(first, second)).filteredOn(id -> fixtures.stored(id).paidUntil().isAfter(today.plusDays(2)))
                .hasSize(1);
        assertThat(fixtures.stored(lapsed).status()).isEqualTo("SUSPENDED");
        assertThat(List.of(report.renewed(), report.failed(), report.suspended())).allMatch(count -> count >= 1);
        assertThat(meters.counter("billfold.renewals.runs").count() - runs).isEqualTo(1.0);
        assertThat(services("renewed") - renewed).isEqualTo(report.renewed());
        assertThat(services("failed") - failed).isEqualTo(report.failed());
        assertThat(services("suspended") - suspended).isEqualTo(report.suspended());
    }

    private double services(String result) {
        return meters.counter(AutoRenewalJob.SERVICES, "result", result).count();
    }

    @Test
    void two_job_runs_at_once_charge_each_service_and_period_exactly_once() throws Exception {
        fixtures.credit(customer, "1000.00");
        List<HostedServiceId> services = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            services.add(fixtures.service(customer, "VPS " + i, "10.00", "MONTH", today.plusDays(i % 3), "ACTIVE", true));
        }

        runConcurrently(2, i -> job.runOnce());

        for (HostedServiceId id : services) {
            assertThat(fixtures.charges(id)).as("charges of %s", id).isEqualTo(1);
        }
        assertThat(fixtures.chargeEntries(customer.accountId())).isEqualTo(12);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("880.00");
    }

    @Test
    void a_run_interrupted_after_claiming_is_taken_over_after_the_lease_without_a_double_charge() {
        fixtures.credit(customer, "100.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH", today.plusDays(1), "ACTIVE", true);

        assertThat(job.claimNext(today)).contains(vps); // ...and the node dies here.
        job.runOnce();
        assertThat(fixtures.charges(vps)).as("still held by the dead run's lease").isZero();

        clock.advance(Duration.ofMinutes(16));
        job.runOnce();
        job.runOnce();
        assertThat(fixtures.charges(vps)).isEqualTo(1);
        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(today.plusDays(1).plusMonths(1));
    }

    @Test
    void a_run_interrupted_after_the_automatic_top_up_renews_on_the_rerun_without_charging_the_card_again() {
        data.savedCard(customer, customer.person(), "4242", true);
        fixtures.allowAutoTopUp(customer);
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH", today.plusDays(2), "ACTIVE", true);
        String key = "autorenew:" + vps.value() + ":" + today.plusDays(2);
        // The first run charged the card with its key and died before renewing.
        assertThat(shortfallTopUps.topUpFromDefaultMethod(customer.accountId(), customer.person(),
                dev.billfold.base.Money.of("10.00", "USD"), key).credited()).isTrue();

        job.runOnce();

        assertThat(fixtures.demoCharges(key)).isEqualTo(1);
        assertThat(fixtures.paymentKeys(customer.accountId())).containsExactly(key);
        assertThat(jdbc.sql("""
                        select c.description from payment_charge c join payment p on p.id = c.payment_id
                        where p.idempotency_key = ?""").param(key).query(String.class).single())
                .as("the charge is recorded as sent, for a re-send after a lost answer (DD-036)")
                .isEqualTo("Balance top-up for service renewals");
        assertThat(fixtures.charges(vps)).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
    }

    // --- the transaction history ---

    @Test
    void the_timeline_has_every_entry_with_its_running_balance_filters_and_exports_safe_csv() throws Exception {
        data.savedCard(customer, customer.person(), "4242", true);
        fixtures.credit(customer, "20.00");
        HostedServiceId vps = fixtures.service(customer, "=HYPERLINK(\"x\") VPS", "24.00", "MONTH", today.plusDays(2), "ACTIVE", false);
        clock.advance(Duration.ofMinutes(1));
        renewals.topUpAndRenew(List.of(new RenewalLine(vps, 1)), customer.person(), savedMethodOf(customer), false,
                UUID.randomUUID().toString());

        List<TimelineRow> rows = timeline.page(TransactionHistoryQuery.Filter.all(), 0, 50);
        assertThat(rows).extracting(TimelineRow::kind).containsExactly(LedgerEntryKind.CHARGE, LedgerEntryKind.TOP_UP,
                LedgerEntryKind.ADJUSTMENT);
        assertThat(rows).extracting(row -> row.balanceAfter().value().toPlainString()).containsExactly("0.00", "24.00", "20.00");
        assertThat(rows.get(1).description()).isEqualTo("Top-up: Visa •••• 4242, 12/30");
        assertThat(rows.get(1).payerName()).isEqualTo("Pat Person");
        assertThat(rows.getFirst().description()).startsWith("Renewal: =HYPERLINK");

        var charges = new TransactionHistoryQuery.Filter(LedgerEntryKind.CHARGE, null, null, null);
        assertThat(timeline.count(charges)).isEqualTo(1);
        assertThat(timeline.page(charges, 0, 10).getFirst().balanceAfter().value()).isEqualByComparingTo("0.00");
        // A payer's view: its own top-up plus what no payer caused (the charge, the adjustment); never another's top-up.
        assertThat(timeline.page(new TransactionHistoryQuery.Filter(null, customer.person(), null, null), 0, 10))
                .extracting(TimelineRow::kind).containsExactly(LedgerEntryKind.CHARGE, LedgerEntryKind.TOP_UP, LedgerEntryKind.ADJUSTMENT);
        assertThat(timeline.page(new TransactionHistoryQuery.Filter(null, customer.company(), null, null), 0, 10))
                .extracting(TimelineRow::kind).containsExactly(LedgerEntryKind.CHARGE, LedgerEntryKind.ADJUSTMENT);
        assertThat(timeline.count(new TransactionHistoryQuery.Filter(LedgerEntryKind.TOP_UP, customer.company(), null, null))).isZero();
        assertThat(timeline.count(new TransactionHistoryQuery.Filter(null, null, today.plusDays(1), null))).isZero();
        assertThat(timeline.count(new TransactionHistoryQuery.Filter(null, null, today, today))).isEqualTo(2);
        assertThat(timeline.count(new TransactionHistoryQuery.Filter(null, null, today.minusDays(9), today.minusDays(1)))).isZero();

        var csv = new StringWriter();
        timeline.writeCsv(TransactionHistoryQuery.Filter.all(), () -> csv);
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Date (ISO 8601 UTC),Kind,Description,Payer,Amount,Currency,Balance after,Reference");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains(",CHARGE,\"Renewal: =HYPERLINK(\"\"x\"\") VPS").contains(",-24.00,USD,0.00,renewal:");
        // A payer name that a spreadsheet would run as a formula is exported as text.
        jdbc.sql("update payer set legal_name = '@SUM(A1)' where id = ?").param(customer.person().value()).update();
        var guarded = new StringWriter();
        timeline.writeCsv(new TransactionHistoryQuery.Filter(LedgerEntryKind.TOP_UP, null, null, null), () -> guarded);
        assertThat(guarded.toString().lines().skip(1)).singleElement().asString()
                .contains(",TOP_UP,\"Top-up: Visa •••• 4242, 12/30\",'@SUM(A1),4.00,USD,24.00,payment:");

        Customer stranger = customer("USD");
        assertThatThrownBy(() -> timeline.count(new TransactionHistoryQuery.Filter(null, stranger.person(), null, null)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("That payer is not part of your account.");
        assertThatThrownBy(() -> timeline.count(new TransactionHistoryQuery.Filter(null, null, today, today.minusDays(1))))
                .isInstanceOf(InvalidRequestException.class).hasMessage("The end date is before the start date.");
    }

    // --- helpers ---

    private MethodChoice savedMethodOf(Customer who) {
        UUID id = jdbc.sql("select id from payment_method where payer_id = ? and is_default = true")
                .param(who.person().value()).query(UUID.class).single();
        return new MethodChoice.Saved(new dev.billfold.paymentmethod.PaymentMethodId(id));
    }

    private PaymentId paymentOf(Customer who) {
        return new PaymentId(jdbc.sql("select id from payment where account_id = ?").param(who.accountId().value())
                .query(UUID.class).single());
    }

    private void assertRefused(List<RenewalLine> lines, String message) {
        assertThatThrownBy(() -> renewals.renewFromBalance(lines))
                .isInstanceOf(InvalidRequestException.class).hasMessage(message);
    }

    interface Task<T> extends AtOnce.Task<T> {
    }

    /** Starts all tasks at the same instant, each signed in as the current customer. */
    private <T> List<T> runConcurrently(int threads, Task<T> task) throws Exception {
        return AtOnce.signedIn(customer.username(), threads, task);
    }
}
