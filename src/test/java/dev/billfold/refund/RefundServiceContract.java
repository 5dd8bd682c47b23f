package dev.billfold.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundNotifications;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.BankReceipt;
import dev.billfold.payment.BankTransfers;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentDocument;
import dev.billfold.payment.PaymentDocuments;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.Quote;
import dev.billfold.payment.QuoteService;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.staff.StaffRole;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Refunds of unused balance through the services as the pages call them, on the demo provider (whose refunds are
 * real: it keeps them and answers for them): the allocation to the most recent refundable top-ups, the reservation at
 * request time, Finance's approval and rejection, the provider's later news about our refunds, bank payouts and
 * operator refunds. Every test ends with the ledger invariant: the balance is the sum of the entries, one per cause.
 * Runs on H2 and on PostgreSQL, where the races are real ones.
 */
abstract class RefundServiceContract {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RefundService refunds;
    @Autowired
    RefundDesk desk;
    @Autowired
    TopUpService topUps;
    @Autowired
    BankTransfers bank;
    @Autowired
    RefundNotifications news;
    @Autowired
    Ledger ledger;
    @Autowired
    MutableClock clock;
    @Autowired
    QuoteService quotes;

    Customer customer;
    String finance;

    @BeforeEach
    void aCustomerAndAFinanceMember() {
        customer = data.newCustomer("USD");
        finance = data.newStaffUser();
        TestData.signIn(customer.username());
    }

    @AfterEach
    void theLedgerHolds() {
        TestData.signOut();
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).as("balance = sum of entries").isTrue();
        assertThat(LedgerChecks.causesPostedTwice(jdbc, customer.accountId())).as("one entry per cause").isZero();
    }

    @Test
    void the_refundable_amount_is_the_lower_of_balance_and_refundable_top_ups_allocated_newest_first() {
        topUp("4242", "100.00");
        topUp("1881", "50.00");

        RefundQuote quote = refunds.quote();

        assertThat(quote.balance().value()).isEqualByComparingTo("150.00");
        assertThat(quote.refundable().value()).isEqualByComparingTo("150.00");
        assertThat(quote.destinationsText()).isEqualTo("Visa •••• 1881: $50.00; Visa •••• 4242: $100.00");
        assertThat(quote.explanation().getFirst()).isEqualTo("Your balance is $150.00. The top-ups that can still go "
                + "back to their payment method have $150.00 left.");
        assertThat(quote.mayAsk()).isTrue();
        assertThat(quote.approvedAtOnce()).as("Finance approves by default").isFalse();
    }

    @Test
    void money_spent_on_services_is_not_refundable_and_the_page_says_so() {
        topUp("4242", "100.00");
        debitAsFinance("70.00");
        TestData.signIn(customer.username());

        RefundQuote quote = refunds.quote();

        assertThat(quote.refundable().value()).isEqualByComparingTo("30.00");
        assertThat(quote.destinationsText()).isEqualTo("Visa •••• 4242: $30.00");
        assertThat(quote.explanation()).anyMatch(line -> line.startsWith("$70.00 of those top-ups is no longer on "
                + "your balance"));
    }

    @Test
    void granted_credit_and_top_ups_past_their_window_are_not_refundable_with_the_reason() {
        topUp("4242", "100.00");
        clock.advance(Duration.ofDays(181));
        topUp("1881", "20.00");
        creditAsFinance("25.00");
        TestData.signIn(customer.username());

        RefundQuote quote = refunds.quote();

        assertThat(quote.balance().value()).isEqualByComparingTo("145.00");
        assertThat(quote.refundable().value()).isEqualByComparingTo("20.00");
        assertThat(quote.grantedCredit().value()).isEqualByComparingTo("25.00");
        assertThat(quote.topUps()).filteredOn(t -> t.notRefundable() != null).singleElement()
                .satisfies(old -> assertThat(old.notRefundable())
                        .isEqualTo("Older than the provider's refund window of 180 days."));
        assertThat(quote.explanation()).contains("Granted or adjustment credit ($25.00 so far) is never refunded.");
    }

    @Test
    void a_request_reserves_its_amount_at_once_and_finance_approval_sends_each_part_back_to_its_own_method()
            throws Exception {
        PaymentId older = topUp("4242", "100.00");
        PaymentId newer = topUp("1881", "50.00");

        RefundSummary asked = refunds.request(RefundAsk.of("120.00", key()));

        assertThat(asked.status()).isEqualTo("Awaiting approval");
        assertThat(asked.destinationsText()).isEqualTo("Visa •••• 1881: $50.00; Visa •••• 4242: $70.00");
        assertThat(data.balance(customer.accountId())).as("reserved at once").isEqualByComparingTo("30.00");
        assertThat(refunds.quote().refundable().value()).isEqualByComparingTo("30.00");

        TestData.signIn(finance, List.of(StaffRole.FINANCE));
        assertThat(desk.waiting(0, 500)).extracting(row -> row.refund().id()).contains(asked.id());
        RefundQueueRow approved = desk.approve(asked.id(), "Customer is leaving");

        assertThat(approved.refund().decision()).isEqualTo(RefundRequestStatus.APPROVED);
        TestData.signIn(customer.username());
        RefundSummary done = refunds.requests(0, 10).getFirst();
        assertThat(done.status()).isEqualTo("Refunded");
        assertThat(done.parts()).extracting(RefundSummary.Part::status)
                .containsOnly(RefundPartStatus.SUCCEEDED);
        assertThat(paymentStatus(newer)).as("refunded in full").isEqualTo("REFUNDED");
        assertThat(paymentStatus(older)).as("refunded in part").isEqualTo("CREDITED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("30.00");
        assertThat(demoRefunds()).as("one refund at the provider per part").isEqualTo(2);
        PaymentDocument receipt = refunds.receipt(asked.id());
        assertThat(receipt.fileName()).startsWith("refund-receipt-CN-");
        assertThat(new String(receipt.pdf(), 0, 5)).isEqualTo("%PDF-");
        assertThat(dev.billfold.payment.VeraPdf.failures(receipt.pdf())).as("the credit note is PDF/A-2b").isEmpty();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(receipt.pdf())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")
                    .replace("- ", "-");
            assertThat(text).as("the credit note names the seller and each payment's receipt")
                    .contains("Billfold Demo Hosting GmbH", "VAT id: DE123456789",
                            "against receipt " + PaymentDocuments.receiptNumber(newer),
                            "against receipt " + PaymentDocuments.receiptNumber(older));
        }
        assertThat(refunds.ofPayment(older)).singleElement().satisfies(part ->
                assertThat(part.amount().value()).isEqualByComparingTo("70.00"));
    }

    @Test
    void a_rejection_returns_the_reservation_once_and_tells_the_customer_why() {
        topUp("4242", "100.00");
        RefundSummary asked = refunds.request(RefundAsk.of("100.00", key()));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");

        TestData.signIn(finance, List.of(StaffRole.FINANCE));
        desk.reject(asked.id(), "Refunds of this account go through the reseller");
        assertThatThrownBy(() -> desk.reject(asked.id(), "again")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Staff Member already rejected this refund.");
        assertThatThrownBy(() -> desk.approve(asked.id(), "")).isInstanceOf(InvalidRequestException.class);

        TestData.signIn(customer.username());
        RefundSummary rejected = refunds.requests(0, 10).getFirst();
        assertThat(rejected.status()).isEqualTo("Rejected: returned to your balance");
        assertThat(rejected.reason()).isEqualTo("Refunds of this account go through the reseller");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(entries("REFUND_RELEASED")).isEqualTo(1);
        assertThat(demoRefunds()).isZero();
    }

    @Test
    void bad_input_and_members_who_may_not_move_money_are_refused_and_nothing_changes() {
        topUp("4242", "100.00");
        Supplier<Integer> requests = () -> jdbc.sql("select count(*) from refund_request where account_id = ?")
                .param(customer.accountId().value()).query(Integer.class).single();

        assertThat(refusal("100.01")).isEqualTo("You can have at most $100.00 refunded now. Enter an amount up to "
                + "$100.00.");
        assertThat(refusal("0")).startsWith("The amount must be more than zero.");
        assertThat(refusal("ten")).startsWith("Enter the amount as a number");
        assertThat(refusal("1.001")).isEqualTo("USD amounts have at most 2 decimal places.");
        assertThat(refusal("9".repeat(31))).startsWith("The amount has at most 30 characters.");
        String viewer = data.addMember(customer.accountId(), "VIEWER");
        TestData.signIn(viewer);
        assertThat(refusal("10.00")).isEqualTo("Only owners and billing members can ask for a refund. Ask an owner.");
        assertThat(refunds.quote().mayAsk()).isFalse();

        assertThat(requests.get()).isZero();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
    }

    @Test
    void a_double_click_is_one_request_and_one_reservation() throws Exception {
        topUp("4242", "100.00");
        String key = key();

        List<String> outcomes = AtOnce.signedIn(customer.username(), 2, index -> {
            try {
                return refunds.request(RefundAsk.of("60.00", key)).id().value().toString();
            } catch (InvalidRequestException | org.springframework.dao.DuplicateKeyException lost) {
                return "refused";
            }
        });

        assertThat(outcomes.stream().filter(o -> !o.equals("refused")).distinct()).hasSize(1);
        assertThat(entries("REFUND_RESERVED")).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("40.00");
    }

    @Test
    void two_requests_at_once_never_reserve_more_than_the_balance() throws Exception {
        topUp("4242", "100.00");

        List<String> outcomes = AtOnce.signedIn(customer.username(), 2, index -> {
            try {
                return refunds.request(RefundAsk.of("80.00", key())).status();
            } catch (InvalidRequestException refused) {
                return refused.getMessage();
            }
        });

        assertThat(outcomes).containsExactlyInAnyOrder("Awaiting approval",
                "You can have at most $20.00 refunded now. Enter an amount up to $20.00.");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("20.00");
    }

    @Test
    void a_refund_racing_a_renewal_on_the_same_balance_never_takes_more_than_the_balance() throws Exception {
        topUp("4242", "100.00");
        var vps = new dev.billfold.hosting.ServiceFixtures(jdbc).service(customer, "VPS", "80.00", "MONTH",
                LocalDate.now(clock).plusDays(3), "ACTIVE", false);

        List<String> outcomes = AtOnce.signedIn(customer.username(), 2, index -> {
            try {
                return index == 0 ? "refund " + refunds.request(RefundAsk.of("80.00", key())).status()
                        : "renewed " + renewals.renewFromBalance(List.of(new dev.billfold.hosting.RenewalLine(vps, 1)))
                                .total().format();
            } catch (InvalidRequestException refused) {
                return "refused";
            }
        });

        assertThat(outcomes).containsOnlyOnce("refused");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("20.00");
        assertThat(data.runningBalances(customer.accountId())).allSatisfy(balance ->
                assertThat(balance.signum()).isNotNegative());
    }

    @Autowired
    dev.billfold.hosting.RenewalService renewals;

    @Test
    void two_finance_approvals_at_once_end_with_one_decision_and_one_provider_refund_per_part() throws Exception {
        topUp("4242", "100.00");
        RefundSummary asked = refunds.request(RefundAsk.of("100.00", key()));
        String second = data.newStaffUser();

        List<String> outcomes = AtOnce.run(2, index -> {
            TestData.signIn(index == 0 ? finance : second, List.of(StaffRole.FINANCE));
            try {
                return desk.approve(asked.id(), "ok " + index).refund().decision().name();
            } catch (InvalidRequestException lost) {
                return lost.getMessage();
            } finally {
                TestData.signOut();
            }
        });

        assertThat(outcomes).containsExactlyInAnyOrder("APPROVED", "Staff Member already approved this refund.");
        assertThat(demoRefunds()).isEqualTo(1);
        assertThat(partStatuses()).containsExactly("SUCCEEDED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
    }

    @Test
    void duplicated_provider_news_of_our_refund_changes_nothing_and_is_never_debited_again() {
        PaymentId payment = topUp("4242", "100.00");
        RefundSummary asked = refunds.request(RefundAsk.of("40.00", key()));
        approve(asked.id());
        RefundPart part = onlyPart(asked.id());

        TestData.signOut();
        ProviderRefund succeeded = new ProviderRefund(null, providerReference(payment), part.providerRefundId(),
                Money.of("40.00", "USD"), ProviderRefund.State.SUCCEEDED, null, part.idempotencyKey());
        assertThat(news.refund("demo", succeeded)).isEqualTo(RefundNotifications.Outcome.UNCHANGED);
        assertThat(news.refund("demo", succeeded)).isEqualTo(RefundNotifications.Outcome.UNCHANGED);

        assertThat(entries("REFUND")).as("never taken as a refund made outside Billfold").isZero();
        assertThat(entries("REFUND_RESERVED")).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("60.00");
    }

    @Test
    void a_top_up_paid_in_another_currency_is_refunded_in_that_currency_at_its_locked_price() {
        customer = data.newCustomer("KZT", "OWNER", "KZ");
        TestData.signIn(customer.username());
        // The demo's fixed rates: 10,000.00 KZT cost 275,345.75 UZS (DD-096).
        Quote quote = quotes.quote(customer.accountId(), Currency.getInstance("UZS"), "10000",
                QuoteService.Typed.CREDITED_AMOUNT);
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", false);
        var paid = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "",
                new MethodChoice.Saved(card), false, key(), quote.id()));
        assertThat(paid.status().name()).isEqualTo("CREDITED");

        RefundSummary asked = refunds.request(RefundAsk.of("1000.00", key()));
        approve(asked.id());

        RefundPart part = onlyPart(asked.id());
        assertThat(part.status()).isEqualTo(RefundPartStatus.SUCCEEDED);
        assertThat(jdbc.sql("select amount_value, amount_currency from demo_refund where payment_ref = ?")
                .param(providerReference(paid.paymentId()))
                .query((rs, n) -> rs.getBigDecimal(1).stripTrailingZeros().toPlainString() + " " + rs.getString(2))
                .single()).as("a tenth of the charge, rounded down").isEqualTo("27534.57 UZS");
        TestData.signOut();
        ProviderRefund reported = new ProviderRefund(null, providerReference(paid.paymentId()),
                part.providerRefundId(), Money.of("27534.57", "UZS"), ProviderRefund.State.SUCCEEDED, null,
                part.idempotencyKey());
        assertThat(news.refund("demo", reported)).as("the provider's news of our refund, in UZS")
                .isEqualTo(RefundNotifications.Outcome.UNCHANGED);
        assertThat(entries("REFUND")).isZero();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("9000.00");
    }

    @Test
    void a_refund_the_provider_fails_later_returns_the_reservation_once_and_says_why() {
        PaymentId payment = topUp("4242", "100.00");
        RefundSummary asked = refunds.request(RefundAsk.of("40.00", key()));
        approve(asked.id());
        RefundPart part = onlyPart(asked.id());

        TestData.signOut();
        ProviderRefund failed = new ProviderRefund(null, providerReference(payment), part.providerRefundId(),
                Money.of("40.00", "USD"), ProviderRefund.State.FAILED, "The card can no longer take refunds.",
                part.idempotencyKey());
        assertThat(news.refund("demo", failed)).isEqualTo(RefundNotifications.Outcome.APPLIED);
        assertThat(news.refund("demo", failed)).isEqualTo(RefundNotifications.Outcome.UNCHANGED);

        TestData.signIn(customer.username());
        RefundSummary summary = refunds.requests(0, 10).getFirst();
        assertThat(summary.status()).isEqualTo("Failed: returned to your balance");
        assertThat(summary.reason()).isEqualTo("The card can no longer take refunds.");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(entries("REFUND_RELEASED")).isEqualTo(1);
        assertThat(paymentStatus(payment)).isEqualTo("CREDITED");
    }

    @Test
    void a_pending_refund_is_settled_by_the_providers_news_once() {
        PaymentId payment = topUp(DEMO_PENDING_REFUND_CARD, "100.00");
        RefundSummary asked = refunds.request(RefundAsk.of("100.00", key()));
        approve(asked.id());
        RefundPart part = onlyPart(asked.id());
        assertThat(part.status()).isEqualTo(RefundPartStatus.PENDING);
        TestData.signIn(customer.username());
        assertThat(refunds.requests(0, 10).getFirst().status()).isEqualTo("In progress");

        TestData.signOut();
        ProviderRefund succeeded = new ProviderRefund(null, providerReference(payment), part.providerRefundId(),
                Money.of("100.00", "USD"), ProviderRefund.State.SUCCEEDED, null, null);
        assertThat(news.refund("demo", succeeded)).as("recognised by the refund id we stored")
                .isEqualTo(RefundNotifications.Outcome.APPLIED);
        assertThat(news.refund("demo", succeeded)).isEqualTo(RefundNotifications.Outcome.UNCHANGED);

        assertThat(partStatuses()).containsExactly("SUCCEEDED");
        assertThat(paymentStatus(payment)).isEqualTo("REFUNDED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(entries("REFUND")).isZero();
    }

    @Test
    void bank_transfer_money_goes_to_the_finance_payout_queue_with_the_customers_bank_details() {
        PaymentId invoice = creditedInvoice("80.00");
        assertThatThrownBy(() -> refunds.request(RefundAsk.of("80.00", key())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("enter the account holder's name");
        assertThatThrownBy(() -> refunds.request(new RefundAsk("80.00", key(), "Pat Person", "DE89370400440532013001",
                null))).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("Enter the IBAN");

        RefundSummary asked = refunds.request(new RefundAsk("80.00", key(), "Pat Person",
                "DE89 3704 0044 0532 0130 00", null));
        approve(asked.id());

        TestData.signIn(finance, List.of(StaffRole.FINANCE));
        PayoutRow due = desk.payouts(0, 500).stream().filter(p -> p.requestId().equals(asked.id())).findFirst()
                .orElseThrow();
        assertThat(due.iban()).isEqualTo("DE89370400440532013000");
        desk.recordPayout(due.id(), "SEPA-2026-12-02-0042");
        assertThatThrownBy(() -> desk.recordPayout(due.id(), "again")).isInstanceOf(InvalidRequestException.class);

        TestData.signIn(customer.username());
        RefundSummary paid = refunds.requests(0, 10).getFirst();
        assertThat(paid.status()).isEqualTo("Refunded");
        assertThat(paid.parts().getFirst().payoutReference()).isEqualTo("SEPA-2026-12-02-0042");
        assertThat(paymentStatus(invoice)).isEqualTo("REFUNDED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
    }

    @Test
    void finance_refunds_one_payment_in_part_with_a_note_by_the_same_path_and_it_is_audited() {
        PaymentId payment = topUp("4242", "100.00");
        TestData.signIn(finance, List.of(StaffRole.FINANCE));
        String key = key();

        assertThatThrownBy(() -> desk.refundPayment(new OperatorRefund(payment, "30.00", " ", key)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("Write a note: what happened, and why.");
        assertThatThrownBy(() -> desk.refundPayment(new OperatorRefund(payment, "100.01", "n", key)))
                .isInstanceOf(InvalidRequestException.class);
        RefundQueueRow done = desk.refundPayment(new OperatorRefund(payment, "30.00", "Double charge", key));
        desk.refundPayment(new OperatorRefund(payment, "30.00", "Double charge", key));

        assertThat(done.refund().origin()).isEqualTo(RefundOrigin.OPERATOR);
        assertThat(partStatuses()).containsExactly("SUCCEEDED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("70.00");
        assertThat(jdbc.sql("select note from audit_entry where action = 'refund.operator' and subject_id = ?")
                .param(done.refund().id().value()).query(String.class).single()).isEqualTo("Double charge");
        TestData.signIn(finance, List.of(StaffRole.SUPPORT));
        assertThatThrownBy(() -> desk.refundPayment(new OperatorRefund(payment, "10.00", "n", key())))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** The demo card whose refunds stay pending at the provider until its news says otherwise. */
    static final String DEMO_PENDING_REFUND_CARD = "5126";

    private PaymentId topUp(String last4, String amount) {
        PaymentMethodId card = data.savedCard(customer, customer.person(), last4, false);
        var outcome = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Saved(card), false, key()));
        assertThat(outcome.status().name()).isEqualTo("CREDITED");
        return outcome.paymentId();
    }

    private PaymentId creditedInvoice(String amount) {
        var outcome = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Invoice(), false, key()));
        TestData.signIn(finance, List.of(StaffRole.FINANCE));
        String cause = "ACC1:" + UUID.randomUUID();
        bank.receive(List.of(new BankReceipt(cause, Money.of(amount, "USD"), LocalDate.of(2026, 12, 1),
                "Pat Person", null, "invoice", "REF-" + cause,
                new BankReceipt.CreditInvoice(outcome.paymentId(), null))));
        TestData.signIn(customer.username());
        assertThat(paymentStatus(outcome.paymentId())).isEqualTo("CREDITED");
        return outcome.paymentId();
    }

    private void approve(RefundRequestId id) {
        TestData.signIn(finance, List.of(StaffRole.FINANCE));
        desk.approve(id, "");
        TestData.signIn(customer.username());
    }

    private void debitAsFinance(String amount) {
        TestData.signIn(finance, List.of(StaffRole.FINANCE));
        adjustments().request(new dev.billfold.adjustment.AdjustmentRequest(customer.accountId(),
                dev.billfold.adjustment.AdjustmentDirection.DEBIT, amount,
                dev.billfold.adjustment.AdjustmentCategory.CORRECTION, "Spent as in a renewal"));
    }

    private void creditAsFinance(String amount) {
        TestData.signIn(finance, List.of(StaffRole.FINANCE));
        adjustments().request(new dev.billfold.adjustment.AdjustmentRequest(customer.accountId(),
                dev.billfold.adjustment.AdjustmentDirection.CREDIT, amount,
                dev.billfold.adjustment.AdjustmentCategory.GOODWILL, "Outage"));
    }

    @Autowired
    dev.billfold.adjustment.AdjustmentService adjustmentService;

    private dev.billfold.adjustment.AdjustmentService adjustments() {
        return adjustmentService;
    }

    private String refusal(String amount) {
        try {
            refunds.request(RefundAsk.of(amount, key()));
            return "accepted";
        } catch (InvalidRequestException refused) {
            return refused.getMessage();
        }
    }

    private RefundPart onlyPart(RefundRequestId id) {
        return jdbc.sql("select id from refund_part where request_id = ?").param(id.value())
                .query((rs, n) -> new RefundPartId(rs.getObject(1, UUID.class))).list().stream()
                .map(partId -> store.part(partId).orElseThrow()).reduce((a, b) -> {
                    throw new AssertionError("more than one part");
                }).orElseThrow();
    }

    @Autowired
    RefundStore store;

    private List<String> partStatuses() {
        return jdbc.sql("select status from refund_part where account_id = ? order by created_at")
                .param(customer.accountId().value()).query(String.class).list();
    }

    private int entries(String kind) {
        return jdbc.sql("select count(*) from ledger_entry where account_id = ? and kind = ?")
                .params(customer.accountId().value(), kind).query(Integer.class).single();
    }

    private String paymentStatus(PaymentId id) {
        return jdbc.sql("select status from payment where id = ?").param(id.value()).query(String.class).single();
    }

    private String providerReference(PaymentId id) {
        return jdbc.sql("select provider_reference from payment where id = ?").param(id.value()).query(String.class)
                .single();
    }

    /** Refunds the demo provider keeps for this customer's charges. */
    private int demoRefunds() {
        return jdbc.sql("""
                        select count(*) from demo_refund r join payment p on p.provider_reference = r.payment_ref
                         where p.account_id = ?""")
                .param(customer.accountId().value()).query(Integer.class).single();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
