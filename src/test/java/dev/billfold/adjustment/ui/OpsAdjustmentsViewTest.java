package dev.billfold.adjustment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.adjustment.AdjustmentCategory;
import dev.billfold.adjustment.AdjustmentDirection;
import dev.billfold.adjustment.AdjustmentRow;
import dev.billfold.adjustment.AdjustmentService;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The adjustment form (opened from an account's back-office page) and the approval queue, as two Finance members use
 * them, and as Support and a customer are kept from acting.
 */
class OpsAdjustmentsViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AdjustmentService adjustments;

    Customer customer;
    String requester;
    String approver;

    @BeforeEach
    void anAccountAndTwoFinanceMembers() {
        customer = data.newCustomer("USD");
        requester = data.newStaffUser();
        approver = data.newStaffUser();
    }

    @Test
    void finance_requests_from_the_account_page_and_a_second_finance_member_approves_in_the_queue() {
        signInStaff(requester, StaffRole.FINANCE);
        UI.getCurrent().navigate("ops/account", QueryParameters.of("id", customer.accountId().value().toString()));
        _click(_get(Button.class, spec -> spec.withId("ops-adjust-balance")));
        NavigatorKt.expectView(OpsAdjustView.class);
        assertThat(_get(Span.class, spec -> spec.withId("adjust-balance")).getText()).isEqualTo("Balance $0.00");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("adjust-limits")).getText())
                .contains("above $500.00 a second Finance member approves it");

        fill(AdjustmentDirection.CREDIT, "750.00", AdjustmentCategory.GOODWILL, "Two days of outage in March");
        assertThat(banner("adjust-banner")).isEqualTo(
                "Credit $750.00 waits for a second Finance member's approval in the queue.");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");

        UI.getCurrent().navigate(OpsAdjustmentsView.class);
        int row = rowOf(queue());
        assertThat(GridKt._getCellComponent(queue(), row, "actions").getElement().getTextRecursively())
                .as("the requester's own row has no buttons").contains("Yours");
        String count = _get(Span.class, spec -> spec.withId("ops-nav-adjustments-count")).getText();
        assertThat(Integer.parseInt(count)).isEqualTo(adjustments.waitingCount());

        signInStaff(approver, StaffRole.FINANCE);
        UI.getCurrent().navigate(OpsAdjustmentsView.class);
        row = rowOf(queue());
        click(GridKt._getCellComponent(queue(), row, "actions"), "adjustment-approve");
        _click(_get(Button.class, spec -> spec.withId("adjustment-decision-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("adjustment-decision-note")).isInvalid())
                .as("a decision needs a note").isTrue();
        _get(TextArea.class, spec -> spec.withId("adjustment-decision-note")).setValue("Confirmed with the NOC");
        _click(_get(Button.class, spec -> spec.withId("adjustment-decision-confirm")));

        assertThat(banner("adjustments-banner")).isEqualTo(
                "Credit $750.00 for %s approved and posted.".formatted(accountName()));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("750.00");
        assertThat(rowsOfCustomer()).isZero();
        assertThat(_get(Span.class, spec -> spec.withId("ops-nav-adjustments-count")).getText())
                .isEqualTo(Integer.toString(adjustments.waitingCount()));
    }

    @Test
    void at_or_below_the_limit_it_posts_at_once_and_bad_input_shows_a_message_and_changes_nothing() {
        signInStaff(requester, StaffRole.FINANCE);
        UI.getCurrent().navigate(OpsAdjustView.class,
                QueryParameters.of(OpsAdjustView.ACCOUNT, customer.accountId().value().toString()));

        fill(AdjustmentDirection.DEBIT, "5.00", AdjustmentCategory.CORRECTION, "Charged twice");
        assertThat(banner("adjust-banner")).startsWith("A debit may not take the balance below zero");
        assertThat(_get(TextField.class, spec -> spec.withId("adjust-amount")).isInvalid()).isTrue();
        fill(AdjustmentDirection.CREDIT, "12.345", AdjustmentCategory.CORRECTION, "Charged twice");
        assertThat(banner("adjust-banner")).isEqualTo("USD amounts have at most 2 decimal places.");
        fill(AdjustmentDirection.CREDIT, "12.00", AdjustmentCategory.CORRECTION, " ");
        assertThat(banner("adjust-banner")).isEqualTo("Write a note: what happened, and why.");
        assertThat(jdbc.sql("select count(*) from balance_adjustment where account_id = ?")
                .param(customer.accountId().value()).query(Integer.class).single()).isZero();

        fill(AdjustmentDirection.CREDIT, "12.00", AdjustmentCategory.CORRECTION, "Charged twice");
        assertThat(banner("adjust-banner")).isEqualTo(
                "Credit $12.00 posted to %s. The balance is now $12.00.".formatted(accountName()));
        assertThat(_get(Span.class, spec -> spec.withId("adjust-balance")).getText()).isEqualTo("Balance $12.00");
        assertThat(_get(TextField.class, spec -> spec.withId("adjust-amount")).getValue()).as("cleared").isEmpty();
    }

    @Test
    void support_reads_the_queue_without_buttons_and_can_neither_adjust_nor_open_the_form() {
        signInStaff(requester, StaffRole.FINANCE);
        adjustments.request(new dev.billfold.adjustment.AdjustmentRequest(customer.accountId(),
                AdjustmentDirection.CREDIT, "600.00", AdjustmentCategory.MIGRATION, "From the old system"));
        String support = data.newStaffUser();
        signInStaff(support, StaffRole.SUPPORT);

        UI.getCurrent().navigate(OpsAdjustmentsView.class);
        assertThat(rowsOfCustomer()).isEqualTo(1);
        assertThat(queue().getColumnByKey("actions")).as("no actions column for Support").isNull();
        assertThat(_find(Button.class, spec -> spec.withText("Approve"))).isEmpty();

        UI.getCurrent().navigate("ops/account", QueryParameters.of("id", customer.accountId().value().toString()));
        assertThat(_find(Button.class, spec -> spec.withId("ops-adjust-balance"))).isEmpty();
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsAdjustView.class,
                QueryParameters.of(OpsAdjustView.ACCOUNT, customer.accountId().value().toString())))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void a_customer_never_opens_the_adjustment_pages() {
        signIn(customer.username());
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsAdjustmentsView.class))
                .isInstanceOf(MockAccessDeniedException.class).hasMessageContaining("OpsAdjustmentsView");
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsAdjustView.class,
                QueryParameters.of(OpsAdjustView.ACCOUNT, customer.accountId().value().toString())))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void an_unknown_account_shows_not_found_and_no_form() {
        signInStaff(requester, StaffRole.FINANCE);
        UI.getCurrent().navigate(OpsAdjustView.class, QueryParameters.of(OpsAdjustView.ACCOUNT, "nope"));
        assertThat(banner("adjust-banner")).isEqualTo("We could not find that account.");
        assertThat(_find(Button.class, spec -> spec.withId("adjust-submit"))).isEmpty();
    }

    private void fill(AdjustmentDirection direction, String amount, AdjustmentCategory category, String note) {
        _get(RadioButtonGroup.class, spec -> spec.withId("adjust-direction")).setValue(direction);
        _get(TextField.class, spec -> spec.withId("adjust-amount")).setValue(amount);
        _get(Select.class, spec -> spec.withId("adjust-category")).setValue(category);
        _get(TextArea.class, spec -> spec.withId("adjust-note")).setValue(note);
        _click(_get(Button.class, spec -> spec.withId("adjust-submit")));
    }

    private static String banner(String id) {
        Div banner = _get(Div.class, spec -> spec.withId(id));
        assertThat(banner.isVisible()).as("the banner shows").isTrue();
        return banner.getText();
    }

    private String accountName() {
        return jdbc.sql("select name from account where id = ?").param(customer.accountId().value())
                .query(String.class).single();
    }

    @SuppressWarnings("unchecked")
    private static Grid<AdjustmentRow> queue() {
        return _get(Grid.class, spec -> spec.withId("adjustments-queue"));
    }

    /** The queue is shared with other tests: the row of this test's customer. */
    private int rowOf(Grid<AdjustmentRow> grid) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).accountId().equals(customer.accountId())) {
                return i;
            }
        }
        throw new AssertionError("No row for the customer's adjustment");
    }

    /** The customer's rows in the queue; none when the queue is empty and its grid hidden. */
    @SuppressWarnings("unchecked")
    private long rowsOfCustomer() {
        var shown = _find(Grid.class, spec -> spec.withId("adjustments-queue"));
        if (shown.isEmpty()) {
            assertThat(_get(Span.class, spec -> spec.withId("adjustments-none")).getText())
                    .isEqualTo("Nothing waits for approval.");
            return 0;
        }
        Grid<AdjustmentRow> grid = shown.getFirst();
        long rows = 0;
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows += GridKt._get(grid, i).accountId().equals(customer.accountId()) ? 1 : 0;
        }
        return rows;
    }

    private static void click(Component cell, String buttonClass) {
        Button button = (Button) cell.getElement().getChildren().flatMap(child -> child.getChildren())
                .filter(element -> element.getClassList().contains(buttonClass))
                .findFirst().orElseThrow().getComponent().orElseThrow();
        _click(button);
    }
}
