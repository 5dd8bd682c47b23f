package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundNotifications;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.gateway.demo.DemoMerchant;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.RenewalLine;
import dev.billfold.hosting.RenewalService;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.staff.StaffRole;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refunds and disputes that start at the provider (issue 16, part 1; DD-069, DD-070), learnt from the demo provider
 * by the poller and from news as a webhook brings it. After every test: the cached balance equals the sum of the
 * entries, and no cause has two entries. Runs on H2 and on PostgreSQL, races included.
 */
abstract class ProviderRefundsContract {

    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentRepository paymentRepository;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    RefundNotifications notifications;
    @Autowired
    RefundReconciliationPoller poller;
    @Autowired
    PaymentHistoryQuery history;
    @Autowired
    PaymentRefunds refunds;
    @Autowired
    OpenDisputes openDisputes;
    @Autowired
    RenewalService renewals;
    @Autowired
    Ledger ledger;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @SignedIn
    Customer customer;
    DemoCustomer payer;
    DemoMerchant merchant;

    @BeforeEach
    void demoSides() {
        payer = new DemoCustomer(gateways);
        merchant = new DemoMerchant(gateways);
    }

    @AfterEach
    void ledgerInvariant() {
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId()))
                .as("cached balance equals the sum of entries").isTrue();
        assertThat(LedgerChecks.causesPostedTwice(jdbc, customer.accountId()))
                .as("one entry per cause").isZero();
    }

    // --- refunds made at the provider, learnt by the poller ---

    @Test
    void a_partial_refund_on_the_providers_page_is_debited_once_within_one_poll_and_the_payment_stays_credited() {
        Paid paid = credited("100.00");
        merchant.refund(paid.reference(), "30.00", false);

        poll();
        poll();

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("70.00");
        assertThat(entries("REFUND")).isEqualTo(1);
        assertThat(statusOf(paid)).isEqualTo(PaymentStatus.CREDITED);
        assertThat(history.page(PaymentHistoryQuery.Filter.all(), 0, 10)).singleElement()
                .satisfies(row -> assertThat(row.statusNote()).isEqualTo("Refunded $30.00 of $100.00"));
        assertThat(refunds.creditedPayments(customer.accountId())).singleElement()
                .satisfies(p -> assertThat(p.remaining()).isEqualTo(Money.of("70.00", "USD")));
    }

    @Test
    void refunds_that_add_up_to_the_payment_make_it_refunded() {
        Paid paid = credited("100.00");
        merchant.refund(paid.reference(), "40.00", false);
        poll();
        merchant.refund(paid.reference(), "60.00", false);
        poll();

        assertThat(statusOf(paid)).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(entries("REFUND")).isEqualTo(2);
        assertThat(merchant.refuses(paid.reference(), "0.01")).as("nothing left to refund at the provider").isTrue();
    }

    @Test
    void a_pending_refund_is_debited_at_once_and_its_failure_returns_the_money_once() {
        Paid paid = credited("100.00");
        String refund = merchant.refund(paid.reference(), "40.00", true);
        poll();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("60.00");
        assertThat(history.page(PaymentHistoryQuery.Filter.all(), 0, 10).getFirst().statusNote())
                .isEqualTo("Refund of $40.00 pending");

        merchant.failRefund(refund);
        poll();
        poll();

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(entries("REFUND")).isEqualTo(1);
        assertThat(entries("REFUND_RETURN")).isEqualTo(1);
        assertThat(statusOf(paid)).isEqualTo(PaymentStatus.CREDITED);
    }

    @Test
    void a_pending_refund_that_completes_is_not_debited_again() {
        Paid paid = credited("100.00");
        String refund = merchant.refund(paid.reference(), "100.00", true);
        poll();
        assertThat(statusOf(paid)).as("pending is not refunded yet").isEqualTo(PaymentStatus.CREDITED);

        merchant.completeRefund(refund);
        poll();

        assertThat(statusOf(paid)).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(entries("REFUND")).isEqualTo(1);
    }

    // --- news as webhooks bring it: duplicated, reordered, early ---

    @Test
    void duplicated_and_reordered_news_of_one_refund_moves_the_balance_once() {
        Paid paid = credited("100.00");
        String refundId = "re_" + UUID.randomUUID();

        var first = notifications.refund("demo", refund(paid, refundId, "25.00", ProviderRefund.State.SUCCEEDED));
        var older = notifications.refund("demo", refund(paid, refundId, "25.00", ProviderRefund.State.PENDING));
        var again = notifications.refund("demo", refund(paid, refundId, "25.00", ProviderRefund.State.SUCCEEDED));

        assertThat(List.of(first, older, again)).containsExactly(RefundNotifications.Outcome.APPLIED,
                RefundNotifications.Outcome.UNCHANGED, RefundNotifications.Outcome.UNCHANGED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("75.00");
        assertThat(entries("REFUND")).isEqualTo(1);
    }

    @Test
    void a_refund_learnt_before_its_payment_was_credited_is_debited_in_the_credits_transaction() {
        var redirect = startCheckout("100.00");
        Payment waiting = paymentRepository.findById(redirect.paymentId()).orElseThrow();
        payer.pay(waiting.providerReference());
        var early = new ProviderRefund(waiting.idempotencyKey(), waiting.providerReference(),
                "re_" + UUID.randomUUID(), Money.of("25.00", "USD"), ProviderRefund.State.SUCCEEDED, null, null);

        assertThat(notifications.refund("demo", early)).isEqualTo(RefundNotifications.Outcome.DEFERRED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();

        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("75.00");
        assertThat(entries("TOP_UP")).isEqualTo(1);
        assertThat(entries("REFUND")).isEqualTo(1);
        assertThat(notifications.refund("demo", early)).as("the same news after the credit")
                .isEqualTo(RefundNotifications.Outcome.UNCHANGED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("75.00");
    }

    @Test
    void news_about_a_payment_we_do_not_know_or_of_another_provider_changes_nothing() {
        Paid paid = credited("100.00");
        var foreign = new ProviderRefund(UUID.randomUUID().toString(), null, "re_x", Money.of("5.00", "USD"),
                ProviderRefund.State.SUCCEEDED, null, null);
        assertThat(notifications.refund("demo", foreign)).isEqualTo(RefundNotifications.Outcome.UNKNOWN_PAYMENT);
        assertThat(notifications.refund("stripe", refund(paid, "re_y", "5.00", ProviderRefund.State.SUCCEEDED)))
                .as("only ever a payment of the reporting provider")
                .isEqualTo(RefundNotifications.Outcome.UNKNOWN_PAYMENT);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
    }

    // --- disputes ---

    @Test
    void a_dispute_of_a_spent_top_up_takes_the_balance_below_zero_says_so_and_a_won_dispute_credits_it_back_once() {
        Paid paid = credited("100.00");
        spend("80.00");
        String dispute = merchant.dispute(paid.reference());
        poll();

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("-80.00");
        assertThat(refunds.negativeBalanceNotice()).contains("Your balance is \u221280.00 USD after a dispute of a "
                + "card payment. Top up to bring it back to zero; until then auto-renewal is paused.");
        assertThat(history.page(PaymentHistoryQuery.Filter.all(), 0, 10).getFirst().statusNote())
                .isEqualTo("Disputed: open");
        asStaff(() -> assertThat(openDisputes.queue(0, OpenDisputes.PAGE_MAX))
                .anyMatch(open -> open.paymentId().equals(paid.id()) && open.disputeId().equals(dispute)));

        merchant.decideDispute(dispute, true);
        poll();
        poll();

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("20.00");
        assertThat(entries("DISPUTE")).isEqualTo(1);
        assertThat(entries("DISPUTE_WON")).isEqualTo(1);
        assertThat(refunds.negativeBalanceNotice()).isEmpty();
        asStaff(() -> assertThat(openDisputes.queue(0, OpenDisputes.PAGE_MAX))
                .noneMatch(open -> open.paymentId().equals(paid.id())));
    }

    @Test
    void a_lost_dispute_stays_debited_and_later_news_of_it_changes_nothing() {
        Paid paid = credited("100.00");
        String disputeId = "dp_" + UUID.randomUUID();
        notifications.dispute("demo", dispute(paid, disputeId, ProviderDispute.State.OPEN, "needs response"));
        notifications.dispute("demo", dispute(paid, disputeId, ProviderDispute.State.OPEN, "under review"));
        notifications.dispute("demo", dispute(paid, disputeId, ProviderDispute.State.LOST, "lost"));
        var late = notifications.dispute("demo", dispute(paid, disputeId, ProviderDispute.State.WON, "won"));

        assertThat(late).isEqualTo(RefundNotifications.Outcome.UNCHANGED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(entries("DISPUTE")).isEqualTo(1);
        assertThat(entries("DISPUTE_WON")).isZero();
        assertThat(history.page(PaymentHistoryQuery.Filter.all(), 0, 10).getFirst().statusNote())
                .isEqualTo("Dispute lost: the disputed amount stays debited");
    }

    // --- races ---

    @Test
    void the_same_refund_reported_twenty_times_at_once_while_the_poller_asks_is_debited_once() throws Exception {
        Paid paid = credited("100.00");
        String refundId = merchant.refund(paid.reference(), "35.00", false);
        ProviderRefund news = refund(paid, refundId, "35.00", ProviderRefund.State.SUCCEEDED);

        List<Object> outcomes = AtOnce.<Object>run(21, i -> i == 20 ? poll() : notifications.refund("demo", news));

        assertThat(outcomes.subList(0, 20)).containsOnly(RefundNotifications.Outcome.APPLIED,
                RefundNotifications.Outcome.UNCHANGED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("65.00");
        assertThat(entries("REFUND")).isEqualTo(1);
    }

    @Test
    void a_dispute_opened_and_won_reported_at_once_many_times_debits_and_credits_back_once() throws Exception {
        Paid paid = credited("100.00");
        String disputeId = "dp_" + UUID.randomUUID();

        AtOnce.run(20, i -> notifications.dispute("demo", dispute(paid, disputeId,
                i % 2 == 0 ? ProviderDispute.State.OPEN : ProviderDispute.State.WON, i % 2 == 0 ? "open" : "won")));

        assertThat(entries("DISPUTE")).isEqualTo(1);
        assertThat(entries("DISPUTE_WON")).as("won was reported, so it is credited back, once").isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
    }

    // --- helpers ---

    record Paid(PaymentId id, String reference, String key) {
    }

    private Paid credited(String amount) {
        var redirect = startCheckout(amount);
        Payment waiting = paymentRepository.findById(redirect.paymentId()).orElseThrow();
        payer.pay(waiting.providerReference());
        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        return new Paid(waiting.id(), waiting.providerReference(), waiting.idempotencyKey());
    }

    private TopUpOutcome.RedirectToProvider startCheckout(String amount) {
        return (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Checkout("demo"), false, UUID.randomUUID().toString()));
    }

    /** Spends from the balance the way a customer does: a renewal of a service costing {@code amount}. */
    private void spend(String amount) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        HostedServiceId vps = new ServiceFixtures(jdbc).service(customer, "VPS", amount, "MONTH", today.plusDays(5),
                "ACTIVE", false);
        renewals.renewFromBalance(List.of(new RenewalLine(vps, 1)));
    }

    /** One poller cycle for the demo provider, a cycle's interval after the last. */
    private int poll() {
        clock.advance(Duration.ofMinutes(2));
        return poller.checkProvider(gateways.require("demo"));
    }

    private void asStaff(Runnable check) {
        String staff = data.newStaffUser();
        TestData.signIn(staff, List.of(StaffRole.SUPPORT));
        try {
            check.run();
        } finally {
            TestData.signIn(customer.username());
        }
    }

    private static ProviderRefund refund(Paid paid, String refundId, String amount, ProviderRefund.State state) {
        return new ProviderRefund(paid.key(), paid.reference(), refundId, Money.of(amount, "USD"), state, null, null);
    }

    private static ProviderDispute dispute(Paid paid, String disputeId, ProviderDispute.State state, String status) {
        return new ProviderDispute(paid.key(), paid.reference(), disputeId, Money.of("100.00", "USD"), state, status,
                "fraudulent");
    }

    private PaymentStatus statusOf(Paid paid) {
        return paymentRepository.findById(paid.id()).orElseThrow().status();
    }

    private int entries(String kind) {
        return jdbc.sql("select count(*) from ledger_entry where account_id = ? and kind = ?")
                .params(customer.accountId().value(), kind).query(Integer.class).single();
    }
}
