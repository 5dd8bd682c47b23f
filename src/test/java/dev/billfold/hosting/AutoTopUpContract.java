package dev.billfold.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.history.TransactionHistoryQuery;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The guarded auto top-up (issue 22, DD-105) through the service and the check that the job and renewals make: the
 * thresholds and amounts, one key per firing, the back-off after a decline and the switch-off after three, a changed
 * method that keeps the back-off unless asked, the monthly cap under two nodes at once, a renewal that takes the
 * balance under the threshold, and refused settings that change nothing. Runs on H2 and on PostgreSQL.
 */
abstract class AutoTopUpContract {

    @Autowired
    RenewalService renewals;
    @Autowired
    AutoTopUps autoTopUps;
    @Autowired
    AutoRenewalJob job;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    MutableClock clock;
    @Autowired
    TransactionHistoryQuery timeline;

    ServiceFixtures fixtures;
    @SignedIn
    Customer customer;
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
        assertThat(data.balance(customer.accountId()).signum()).isGreaterThanOrEqualTo(0);
    }

    private static Money usd(String value) {
        return Money.of(value, "USD");
    }

    private AutoTopUpRule fixed(String amount, String belowBalance) {
        return new AutoTopUpRule(true, customer.person(), null, usd(belowBalance), null,
                AutoTopUpRule.AmountMode.FIXED, usd(amount), null);
    }

    private String key(int firing) {
        return AutoTopUps.KEY_PREFIX + customer.accountId().value() + ":" + firing;
    }

    @Test
    void a_balance_under_the_threshold_fires_a_fixed_top_up_from_the_default_card_under_a_key_of_its_own() {
        data.savedCard(customer, customer.person(), "4242", true);
        fixtures.credit(customer, "10.00");
        renewals.saveAutoTopUp(fixed("50.00", "20.00"), false);

        assertThat(autoTopUps.check(customer.accountId()).outcome()).isEqualTo(AutoTopUps.Outcome.CREDITED);
        assertThat(autoTopUps.check(customer.accountId()).outcome()).as("60.00 is above the threshold")
                .isEqualTo(AutoTopUps.Outcome.NOT_NEEDED);

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("60.00");
        assertThat(fixtures.paymentKeys(customer.accountId())).containsExactly(key(1));
        assertThat(fixtures.demoCharges(key(1))).isEqualTo(1);
        assertThat(fixtures.events(customer.accountId(), "AUTO_TOP_UP")).singleElement().asString()
                .startsWith("$50.00 was topped up from Visa •••• 4242");
        assertThat(auditActions()).contains("hosting.auto-top-up.rule-changed", "hosting.auto-top-up.credited");
        assertThat(timeline.page(TransactionHistoryQuery.Filter.all(), 0, 10)).first()
                .satisfies(row -> assertThat(row.description()).isEqualTo("Automatic top-up: Visa •••• 4242, 12/30"));
        AutoTopUpSettings settings = renewals.autoTopUpSettings();
        assertThat(settings.usedThisMonth().value()).isEqualByComparingTo("50.00");
        assertThat(settings.state().declines()).isZero();
        assertThat(settings.state().inFlightKey()).isNull();
    }

    @Test
    void a_runway_under_the_threshold_tops_up_to_the_target_balance() {
        data.savedCard(customer, customer.person(), "4242", true);
        fixtures.credit(customer, "20.00");
        fixtures.service(customer, "VPS", "89.00", "MONTH", today.plusDays(5), "ACTIVE", true);
        renewals.saveAutoTopUp(new AutoTopUpRule(true, customer.person(), null, null, 10,
                AutoTopUpRule.AmountMode.UP_TO, usd("300.00"), null), false);

        assertThat(renewals.runway().days()).contains(5L);
        assertThat(autoTopUps.check(customer.accountId()).outcome()).isEqualTo(AutoTopUps.Outcome.CREDITED);

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("300.00");
        assertThat(renewals.runway().shorterThan(10)).isFalse();
        assertThat(autoTopUps.check(customer.accountId()).outcome()).isEqualTo(AutoTopUps.Outcome.NOT_NEEDED);
    }

    @Test
    void a_decline_waits_24_hours_and_the_third_in_a_row_switches_it_off_and_says_so() {
        data.savedCard(customer, customer.person(), "0002", true);
        renewals.saveAutoTopUp(fixed("50.00", "20.00"), false);

        AutoTopUps.Result first = autoTopUps.check(customer.accountId());
        assertThat(first.outcome()).isEqualTo(AutoTopUps.Outcome.DECLINED);
        assertThat(first.message()).contains("Your card was declined.");
        assertThat(renewals.autoTopUpSettings().state().retryAfter()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        clock.advance(Duration.ofHours(23));
        assertThat(autoTopUps.check(customer.accountId()).outcome()).isEqualTo(AutoTopUps.Outcome.BACKING_OFF);
        assertThat(data.payments(customer.accountId())).as("no attempt within the back-off").isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        assertThat(autoTopUps.check(customer.accountId()).outcome()).isEqualTo(AutoTopUps.Outcome.DECLINED);
        clock.advance(Duration.ofHours(24));
        assertThat(autoTopUps.check(customer.accountId()).outcome()).isEqualTo(AutoTopUps.Outcome.SWITCHED_OFF);
        clock.advance(Duration.ofHours(24));
        assertThat(autoTopUps.check(customer.accountId()).outcome()).isEqualTo(AutoTopUps.Outcome.OFF);

        assertThat(data.payments(customer.accountId())).isEqualTo(3);
        assertThat(fixtures.paymentKeys(customer.accountId())).containsExactly(key(1), key(2), key(3));
        AutoTopUpSettings settings = renewals.autoTopUpSettings();
        assertThat(settings.rule().enabled()).isFalse();
        assertThat(settings.rule().amount()).as("the rule is kept for switching on again").isEqualTo(usd("50.00"));
        assertThat(settings.state().switchedOffAt()).isNotNull();
        assertThat(fixtures.events(customer.accountId(), "AUTO_TOP_UP_DECLINED")).hasSize(2);
        assertThat(fixtures.events(customer.accountId(), "AUTO_TOP_UP_OFF")).singleElement().asString()
                .startsWith("Automatic top-up declined 3 times in a row, and switched off:");
        assertThat(auditActions()).contains("hosting.auto-top-up.declined", "hosting.auto-top-up.switched-off");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void another_method_keeps_the_back_off_until_the_customer_asks_to_try_again() {
        data.savedCard(customer, customer.person(), "0002", true);
        PaymentMethodId good = data.savedCard(customer, customer.person(), "4242", false);
        renewals.saveAutoTopUp(fixed("50.00", "20.00"), false);
        assertThat(autoTopUps.check(customer.accountId()).outcome()).isEqualTo(AutoTopUps.Outcome.DECLINED);

        AutoTopUpRule withTheGoodCard = new AutoTopUpRule(true, customer.person(), good, usd("20.00"), null,
                AutoTopUpRule.AmountMode.FIXED, usd("50.00"), null);
        renewals.saveAutoTopUp(withTheGoodCard, false);
        assertThat(autoTopUps.check(customer.accountId()).outcome()).isEqualTo(AutoTopUps.Outcome.BACKING_OFF);

        renewals.saveAutoTopUp(withTheGoodCard, true);
        assertThat(autoTopUps.check(customer.accountId()).outcome()).isEqualTo(AutoTopUps.Outcome.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("50.00");
        assertThat(renewals.autoTopUpSettings().state().declines()).isZero();
    }

    @Test
    void two_nodes_checking_at_once_fire_one_at_a_time_and_never_pass_the_monthly_cap() throws Exception {
        data.savedCard(customer, customer.person(), "4242", true);
        renewals.saveAutoTopUp(new AutoTopUpRule(true, customer.person(), null, usd("100.00"), null,
                AutoTopUpRule.AmountMode.FIXED, usd("30.00"), usd("50.00")), false);

        // Each node checks until it finds the cap reached: in between, it mostly finds the other's firing in flight
        List<AutoTopUps.Outcome> outcomes = concurrently(2, () -> autoTopUps.check(customer.accountId()).outcome(),
                AutoTopUps.Outcome.CAP_REACHED);

        // 30.00, then the 20.00 the cap leaves, then nothing
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("50.00");
        assertThat(fixtures.paymentKeys(customer.accountId())).containsExactly(key(1), key(2));
        assertThat(outcomes).filteredOn(outcome -> outcome == AutoTopUps.Outcome.CREDITED).hasSize(2);
        assertThat(outcomes).filteredOn(outcome -> outcome == AutoTopUps.Outcome.CAP_REACHED).hasSize(2);
        assertThat(renewals.autoTopUpSettings().usedThisMonth().value()).isEqualByComparingTo("50.00");

        clock.advance(Duration.ofDays(31));
        assertThat(autoTopUps.check(customer.accountId()).outcome()).as("a new month").isEqualTo(AutoTopUps.Outcome.CREDITED);
    }

    @Test
    void a_renewal_that_takes_the_balance_under_the_threshold_fires_it_and_a_short_one_tops_up_the_shortfall() {
        data.savedCard(customer, customer.person(), "4242", true);
        fixtures.credit(customer, "40.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "30.00", "MONTH", today.plusDays(1), "ACTIVE", true);
        HostedServiceId big = fixtures.service(customer, "Big", "70.00", "MONTH", today.plusDays(2), "ACTIVE", true);
        renewals.saveAutoTopUp(fixed("50.00", "20.00"), false);

        job.runOnce();

        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(today.plusDays(1).plusMonths(1));
        assertThat(fixtures.stored(big).paidUntil()).isEqualTo(today.plusDays(2).plusMonths(1));
        // 40 - 30 = 10 under 20: +50 = 60; 60 short of 70: the shortfall's firing tops up 50 (the rule's amount,
        // above the 10 lacking) under the renewal's key; 110 - 70 = 40
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("40.00");
        assertThat(fixtures.paymentKeys(customer.accountId())).hasSize(2).contains(key(1))
                .contains(AutoTopUps.SHORTFALL_KEY_PREFIX + big.value() + ":" + today.plusDays(2));
        assertThat(fixtures.events(customer.accountId(), "RENEWAL_FAILED")).isEmpty();
    }

    @Test
    void settings_that_do_not_hold_are_refused_with_a_message_and_change_nothing() {
        Customer stranger = data.newCustomer("USD");
        PaymentMethodId foreignCard = data.savedCard(stranger, stranger.person(), "4242", true);
        TestData.signIn(customer.username());
        renewals.saveAutoTopUp(fixed("50.00", "20.00"), false);
        AutoTopUpSettings before = renewals.autoTopUpSettings();

        assertThatThrownBy(() -> renewals.saveAutoTopUp(new AutoTopUpRule(true, stranger.person(), null,
                usd("20.00"), null, AutoTopUpRule.AmountMode.FIXED, usd("50.00"), null), false))
                .isInstanceOf(InvalidRequestException.class).hasMessage("That payer is not part of your account.");
        assertThatThrownBy(() -> renewals.saveAutoTopUp(new AutoTopUpRule(true, customer.person(), foreignCard,
                usd("20.00"), null, AutoTopUpRule.AmountMode.FIXED, usd("50.00"), null), false))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> renewals.saveAutoTopUp(fixed("0.10", "20.00"), false))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("An automatic top-up is from ");
        assertThatThrownBy(() -> renewals.saveAutoTopUp(fixed("50.00", "-1.00"), false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The balance threshold cannot be below zero.");
        assertThatThrownBy(() -> renewals.saveAutoTopUp(new AutoTopUpRule(true, customer.person(), null, null, 0,
                AutoTopUpRule.AmountMode.FIXED, usd("50.00"), null), false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The runway threshold is a number of days from 1 to 365.");
        assertThatThrownBy(() -> renewals.saveAutoTopUp(new AutoTopUpRule(true, customer.person(), null,
                usd("100.00"), null, AutoTopUpRule.AmountMode.UP_TO, usd("80.00"), null), false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The balance to top up to must be above the balance threshold.");
        assertThatThrownBy(() -> renewals.saveAutoTopUp(new AutoTopUpRule(true, customer.person(), null,
                Money.of("20.00", "EUR"), null, AutoTopUpRule.AmountMode.FIXED, usd("50.00"), null), false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Amounts for automatic top-ups are in the account's currency, USD.");

        assertThat(renewals.autoTopUpSettings()).isEqualTo(before);
    }

    @Test
    void a_viewer_reads_the_settings_and_cannot_change_them() {
        Customer viewer = data.newCustomer("USD", "VIEWER");
        TestData.signIn(viewer.username());
        assertThat(renewals.autoTopUpSettings().rule().enabled()).isFalse();
        assertThatThrownBy(() -> renewals.saveAutoTopUp(new AutoTopUpRule(true, viewer.person(), null,
                usd("20.00"), null, AutoTopUpRule.AmountMode.FIXED, usd("50.00"), null), false))
                .isInstanceOf(InvalidRequestException.class);
        TestData.signIn(customer.username());
    }

    private List<String> auditActions() {
        return jdbc.sql("select action from audit_entry where account_id = ? order by seq")
                .param(customer.accountId().value()).query(String.class).list();
    }

    interface Check<T> {
        T run();
    }

    private <T> List<T> concurrently(int nodes, Check<T> check, T last) throws Exception {
        var context = SecurityContextHolder.getContext();
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch ready = new CountDownLatch(nodes);
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                futures.add(pool.submit(() -> {
                    SecurityContextHolder.setContext(context);
                    ready.countDown();
                    ready.await();
                    List<T> results = new ArrayList<>();
                    for (int i = 0; i < 500 && (results.isEmpty() || !results.getLast().equals(last)); i++) {
                        results.add(check.run());
                    }
                    return results;
                }));
            }
            List<T> all = new ArrayList<>();
            for (Future<List<T>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
