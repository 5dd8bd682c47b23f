package dev.billfold.adjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.AtOnce;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.history.TimelineRow;
import dev.billfold.history.TransactionHistoryQuery;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.staff.StaffRole;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Balance adjustments through the service as the back office calls it: posted at once at or below the approval limit
 * (USD 500.00 in the embedded default), waiting above it for a second Finance member, exactly one ledger entry per
 * adjustment. Runs on H2 and on PostgreSQL.
 */
abstract class AdjustmentServiceContract {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AdjustmentService adjustments;
    @Autowired
    Ledger ledger;
    @Autowired
    TransactionHistoryQuery history;

    Customer customer;
    String requester;
    String approver;

    @BeforeEach
    void anAccountAndTwoFinanceMembers() {
        customer = data.newCustomer("USD");
        requester = data.newStaffUser();
        approver = data.newStaffUser();
        asFinance(requester);
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void a_credit_at_the_limit_posts_at_once_as_one_adjustment_entry_with_its_own_cause() {
        AdjustmentRow posted = adjustments.request(credit("500.00", "Outage in March, two days"));

        assertThat(posted.status()).isEqualTo(AdjustmentStatus.POSTED);
        assertThat(posted.amount().value()).isEqualByComparingTo("500.00");
        assertThat(entries()).containsExactly(Map.entry(posted.id().ledgerReference(), new BigDecimal("500.0000")));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("500.00");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void above_the_limit_it_waits_and_posts_only_when_a_second_finance_member_approves() {
        AdjustmentRow waiting = adjustments.request(credit("500.01", "Migrated from the old billing"));

        assertThat(waiting.status()).isEqualTo(AdjustmentStatus.AWAITING_APPROVAL);
        assertThat(entries()).isEmpty();
        assertThat(allWaiting()).extracting(AdjustmentRow::id).contains(waiting.id());

        asFinance(approver);
        AdjustmentRow approved = adjustments.approve(waiting.id(), "Checked against the old system's export");

        assertThat(approved.status()).isEqualTo(AdjustmentStatus.POSTED);
        assertThat(approved.decidedBy()).isEqualTo("Staff Member");
        assertThat(entries()).containsExactly(Map.entry(waiting.id().ledgerReference(), new BigDecimal("500.0100")));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("500.01");
        assertThat(allWaiting()).extracting(AdjustmentRow::id).doesNotContain(waiting.id());
        assertThatThrownBy(() -> adjustments.approve(waiting.id(), "again")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Staff Member already approved and posted this adjustment.");
        assertThat(entries()).hasSize(1);
    }

    @Test
    void the_requester_can_neither_approve_nor_decline_their_own_and_nothing_changes() {
        AdjustmentRow waiting = adjustments.request(debitAfterCredit("900.00"));

        assertThatThrownBy(() -> adjustments.approve(waiting.id(), "Looks right to me"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("You requested this adjustment, so another Finance member must approve it.");
        assertThatThrownBy(() -> adjustments.decline(waiting.id(), "Never mind"))
                .isInstanceOf(InvalidRequestException.class);

        assertThat(statusOf(waiting.id())).isEqualTo("AWAITING_APPROVAL");
        assertThat(entries()).hasSize(2); // the two credits that cover the debit
    }

    @Test
    void a_decline_posts_nothing_and_a_later_approval_is_told_what_happened() {
        AdjustmentRow waiting = adjustments.request(credit("2500.00", "Customer asked for a refund as credit"));

        asFinance(approver);
        AdjustmentRow declined = adjustments.decline(waiting.id(), "A refund goes back to the card instead");

        assertThat(declined.status()).isEqualTo(AdjustmentStatus.DECLINED);
        assertThat(declined.decisionNote()).isEqualTo("A refund goes back to the card instead");
        assertThat(entries()).isEmpty();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThatThrownBy(() -> adjustments.approve(waiting.id(), "ok")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Staff Member already declined this adjustment.");
        assertThat(entries()).isEmpty();
    }

    @Test
    void bad_input_is_refused_with_a_message_and_changes_nothing() {
        Function<AdjustmentRequest, String> refusal = request -> {
            try {
                adjustments.request(request);
                return "accepted";
            } catch (InvalidRequestException refused) {
                return refused.getMessage();
            }
        };
        assertThat(refusal.apply(credit("", "n"))).startsWith("Enter an amount.");
        assertThat(refusal.apply(credit("-5", "n"))).startsWith("Enter the amount without a sign");
        assertThat(refusal.apply(credit("0", "n"))).startsWith("The amount must be more than zero.");
        assertThat(refusal.apply(credit("10.001", "n"))).isEqualTo("USD amounts have at most 2 decimal places.");
        assertThat(refusal.apply(credit("1e3", "n"))).startsWith("Enter the amount as a number");
        assertThat(refusal.apply(credit("100000.01", "n"))).startsWith("One adjustment moves at most $100,000.00.");
        assertThat(refusal.apply(credit("9".repeat(31), "n"))).startsWith("The amount has at most 30 characters.");
        assertThat(refusal.apply(credit("10.00", "  "))).isEqualTo("Write a note: what happened, and why.");
        assertThat(refusal.apply(credit("10.00", "x".repeat(501)))).isEqualTo("A note has at most 500 characters.");
        assertThat(refusal.apply(new AdjustmentRequest(customer.accountId(), AdjustmentDirection.CREDIT, "10.00",
                null, "n"))).isEqualTo("Choose a reason.");
        assertThat(refusal.apply(new AdjustmentRequest(customer.accountId(), AdjustmentDirection.DEBIT, "10.00",
                AdjustmentCategory.CORRECTION, "n"))).startsWith("A debit may not take the balance below zero");

        assertThat(count("select count(*) from balance_adjustment where account_id = ?")).isZero();
        assertThat(entries()).isEmpty();
    }

    @Test
    void a_debit_may_empty_the_balance_but_an_approval_that_would_take_it_below_zero_is_refused() {
        adjustments.request(credit("400.00", "Opening balance"));
        AdjustmentRow waitingDebit = adjustments.request(debit("400.00"));
        assertThat(waitingDebit.status()).isEqualTo(AdjustmentStatus.POSTED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");

        adjustments.request(credit("450.00", "Second opening balance"));
        adjustments.request(credit("450.00", "Third opening balance"));
        AdjustmentRow bigDebit = adjustments.request(debit("900.00"));
        assertThat(bigDebit.status()).isEqualTo(AdjustmentStatus.AWAITING_APPROVAL);
        adjustments.request(debit("1.00"));

        asFinance(approver);
        assertThatThrownBy(() -> adjustments.approve(bigDebit.id(), "Double credit"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("A debit may not take the balance below zero: the balance is $899.00, so debit at most "
                        + "that.");
        assertThat(statusOf(bigDebit.id())).isEqualTo("AWAITING_APPROVAL");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("899.00");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void the_customer_sees_the_reason_on_their_timeline_never_the_staff_note() {
        adjustments.request(credit("25.00", "Internal: ticket 4711, angry on the phone"));

        TestData.signIn(customer.username());
        List<TimelineRow> rows = history.page(TransactionHistoryQuery.Filter.all(), 0, 10);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.description()).isEqualTo("Adjustment: Goodwill credit");
            assertThat(row.amount().value()).isEqualByComparingTo("25.00");
            assertThat(row.reference()).doesNotContain("4711");
        });
    }

    @Test
    void each_request_approval_decline_and_posting_is_audited_and_the_customer_sees_only_the_posting() {
        AdjustmentRow atOnce = adjustments.request(credit("20.00", "Small goodwill"));
        AdjustmentRow approved = adjustments.request(credit("800.00", "Big goodwill"));
        AdjustmentRow declined = adjustments.request(credit("900.00", "Too much"));
        asFinance(approver);
        adjustments.approve(approved.id(), "Agreed with the account manager");
        adjustments.decline(declined.id(), "Not agreed");

        assertThat(audited(atOnce.id())).containsExactly("adjustment.requested STAFF Small goodwill",
                "adjustment.posted ACCOUNT Small goodwill");
        assertThat(audited(approved.id())).containsExactly("adjustment.requested STAFF Big goodwill",
                "adjustment.approved STAFF Agreed with the account manager", "adjustment.posted ACCOUNT Big goodwill");
        assertThat(audited(declined.id())).containsExactly("adjustment.requested STAFF Too much",
                "adjustment.declined STAFF Not agreed");
        assertThat(jdbc.sql("select text, before_state, after_state from audit_entry where subject_id = ?"
                        + " and action = 'adjustment.posted'").param(approved.id().value())
                .query((rs, n) -> rs.getString(1) + " | " + rs.getString(2) + " -> " + rs.getString(3)).single())
                .isEqualTo("Balance credited $800.00: Goodwill credit | Balance $20.00 -> Balance $820.00");
    }

    @Test
    void support_reads_the_queue_but_may_not_request_or_decide() {
        AdjustmentRow waiting = adjustments.request(credit("600.00", "Goodwill"));
        TestData.signIn(approver, List.of(StaffRole.SUPPORT));

        assertThat(allWaiting()).extracting(AdjustmentRow::id).contains(waiting.id());
        assertThatThrownBy(() -> adjustments.approve(waiting.id(), "ok")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> adjustments.request(credit("1.00", "n"))).isInstanceOf(AccessDeniedException.class);
        assertThat(statusOf(waiting.id())).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void two_finance_members_approving_at_once_end_with_one_decision_and_one_entry() throws Exception {
        AdjustmentRow waiting = adjustments.request(credit("750.00", "Race"));
        String second = data.newStaffUser();

        List<String> outcomes = AtOnce.run(2, index -> {
            TestData.signIn(index == 0 ? approver : second, List.of(StaffRole.FINANCE));
            try {
                return adjustments.approve(waiting.id(), "Approved by " + index).status().name();
            } catch (InvalidRequestException lost) {
                return lost.getMessage();
            } finally {
                TestData.signOut();
            }
        });

        assertThat(outcomes).containsExactlyInAnyOrder("POSTED",
                "Staff Member already approved and posted this adjustment.");
        assertThat(entries()).hasSize(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("750.00");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    private AdjustmentRequest credit(String amount, String note) {
        return new AdjustmentRequest(customer.accountId(), AdjustmentDirection.CREDIT, amount,
                AdjustmentCategory.GOODWILL, note);
    }

    private AdjustmentRequest debit(String amount) {
        return new AdjustmentRequest(customer.accountId(), AdjustmentDirection.DEBIT, amount,
                AdjustmentCategory.CORRECTION, "Credited twice by mistake");
    }

    /** A credit at the limit, so that a debit above it is covered; returns the debit's request. */
    private AdjustmentRequest debitAfterCredit(String amount) {
        adjustments.request(credit("500.00", "Cover"));
        adjustments.request(credit("500.00", "Cover"));
        return debit(amount);
    }

    private static void asFinance(String username) {
        TestData.signIn(username, List.of(StaffRole.FINANCE));
    }

    /** The account's ADJUSTMENT entries by cause. */
    private Map<String, BigDecimal> entries() {
        return jdbc.sql("select reference, amount_value from ledger_entry where account_id = ? and kind = 'ADJUSTMENT'")
                .param(customer.accountId().value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2).setScale(4)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The adjustment's audit entries, in order: action, visibility and note. */
    private List<String> audited(AdjustmentId id) {
        return jdbc.sql("select action, visibility, note from audit_entry where subject_id = ? order by seq")
                .param(id.value())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
    }

    private String statusOf(AdjustmentId id) {
        return jdbc.sql("select status from balance_adjustment where id = ?").param(id.value()).query(String.class)
                .single();
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(customer.accountId().value()).query(Integer.class).single();
    }

    /** The whole queue: other tests in the same context (the API's among them) leave adjustments waiting too. */
    private List<AdjustmentRow> allWaiting() {
        List<AdjustmentRow> all = new java.util.ArrayList<>();
        List<AdjustmentRow> page;
        do {
            page = adjustments.waiting(all.size(), 500);
            all.addAll(page);
        } while (!page.isEmpty());
        return all;
    }
}
