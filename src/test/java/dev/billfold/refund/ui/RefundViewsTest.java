package dev.billfold.refund.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.refund.RefundQueueRow;
import dev.billfold.refund.RefundSummary;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer's Refunds tab and the back office's refunds queue and account section, as a customer asks, Finance
 * approves or rejects, Finance refunds one payment, and Support and customers are kept from acting.
 */
class RefundViewsTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    TopUpService topUps;

    Customer customer;
    String finance;

    @BeforeEach
    void aCustomerWithTwoCardTopUps() {
        customer = data.newCustomer("USD");
        finance = data.newStaffUser();
        signIn(customer.username());
        topUp("4242", "100.00");
        topUp("1881", "50.00");
    }

    @Test
    void a_customer_asks_finance_approves_and_the_customer_sees_refunded_with_the_receipt() {
        UI.getCurrent().navigate(RefundsView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("refund-refundable")).getText())
                .isEqualTo("Refundable now: $150.00");
        assertThat(_get(Paragraph.class, spec -> spec.withId("refund-destinations")).getText())
                .isEqualTo("Where it goes back to: Visa •••• 1881: $50.00; Visa •••• 4242: $100.00");

        _get(TextField.class, spec -> spec.withId("refund-amount")).setValue("150.01");
        _click(_get(Button.class, spec -> spec.withId("refund-ask")));
        assertThat(_get(TextField.class, spec -> spec.withId("refund-amount")).isInvalid()).isTrue();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("150.00");

        _get(TextField.class, spec -> spec.withId("refund-amount")).setValue("120.00");
        _click(_get(Button.class, spec -> spec.withId("refund-ask")));
        assertThat(banner("refund-banner")).isEqualTo("Refund of $120.00 asked for: Visa •••• 1881: $50.00; "
                + "Visa •••• 4242: $70.00. Awaiting approval");
        assertThat(GridKt._get(requests(), 0).status()).isEqualTo("Awaiting approval");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("30.00");

        signInStaff(finance, StaffRole.FINANCE);
        UI.getCurrent().navigate(OpsRefundsView.class);
        click(GridKt._getCellComponent(queue(), rowOf(queue()), "actions"), "refund-approve");
        _click(_get(Button.class, spec -> spec.withId("refund-decision-confirm")));
        assertThat(banner("refunds-banner")).endsWith("approved: on its way.");

        signIn(customer.username());
        UI.getCurrent().navigate(RefundsView.class);
        assertThat(GridKt._get(requests(), 0).status()).isEqualTo("Refunded");
        assertThat(GridKt._getCellComponent(requests(), 0, "receipt").getChildren()).singleElement()
                .isInstanceOf(Anchor.class).satisfies(link -> assertThat(((Anchor) link).getText())
                        .isEqualTo("Refund receipt (PDF)"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("refund-refundable")).getText())
                .isEqualTo("Refundable now: $30.00");
    }

    @Test
    void a_rejection_needs_a_reason_and_returns_the_money() {
        UI.getCurrent().navigate(RefundsView.class);
        _click(_get(Button.class, spec -> spec.withId("refund-ask")));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");

        signInStaff(finance, StaffRole.FINANCE);
        UI.getCurrent().navigate(OpsRefundsView.class);
        click(GridKt._getCellComponent(queue(), rowOf(queue()), "actions"), "refund-reject");
        _click(_get(Button.class, spec -> spec.withId("refund-decision-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("refund-decision-note")).isInvalid())
                .as("a rejection needs the reason the customer reads").isTrue();
        _get(TextArea.class, spec -> spec.withId("refund-decision-note")).setValue("Ask your reseller");
        _click(_get(Button.class, spec -> spec.withId("refund-decision-confirm")));

        signIn(customer.username());
        UI.getCurrent().navigate(RefundsView.class);
        RefundSummary rejected = GridKt._get(requests(), 0);
        assertThat(rejected.status()).isEqualTo("Rejected: returned to your balance");
        assertThat(rejected.reason()).isEqualTo("Ask your reseller");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("150.00");
    }

    @Test
    void finance_refunds_one_payment_from_the_account_page_with_a_note() {
        signInStaff(finance, StaffRole.FINANCE);
        UI.getCurrent().navigate("ops/account", QueryParameters.of("id", customer.accountId().value().toString()));
        _click((Button) GridKt._getCellComponent(refundable(), 0, "refund"));
        _get(TextField.class, spec -> spec.withId("ops-refund-amount")).setValue("20.00");
        _click(_get(Button.class, spec -> spec.withId("ops-refund-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("ops-refund-note")).isInvalid()).isTrue();
        _get(TextArea.class, spec -> spec.withId("ops-refund-note")).setValue("Charged twice for one order");
        _click(_get(Button.class, spec -> spec.withId("ops-refund-confirm")));

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("130.00");
    }

    @Test
    void support_reads_without_buttons_and_customers_never_open_the_back_office_pages() {
        UI.getCurrent().navigate(RefundsView.class);
        _click(_get(Button.class, spec -> spec.withId("refund-ask")));
        String support = data.newStaffUser();
        signInStaff(support, StaffRole.SUPPORT);
        UI.getCurrent().navigate(OpsRefundsView.class);
        assertThat(queue().getColumnByKey("actions")).isNull();
        assertThat(rowOf(queue())).isNotNegative();

        UI.getCurrent().navigate("ops/account", QueryParameters.of("id", customer.accountId().value().toString()));
        assertThat(refundable().getColumnByKey("refund")).as("no refund button for Support").isNull();

        signIn(customer.username());
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsRefundsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void a_viewer_reads_the_refunds_tab_without_the_form() {
        signIn(data.addMember(customer.accountId(), "VIEWER"));
        UI.getCurrent().navigate(RefundsView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("refund-refundable")).getText())
                .isEqualTo("Refundable now: $150.00");
        assertThat(_find(Button.class, spec -> spec.withId("refund-ask"))).isEmpty();
    }

    private void topUp(String last4, String amount) {
        PaymentMethodId card = data.savedCard(customer, customer.person(), last4, false);
        topUps.topUp(new TopUpRequest(customer.person(), amount, new MethodChoice.Saved(card), false,
                UUID.randomUUID().toString()));
    }

    private static String banner(String id) {
        Div banner = _get(Div.class, spec -> spec.withId(id));
        assertThat(banner.isVisible()).as("the banner shows").isTrue();
        return banner.getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<RefundSummary> requests() {
        return _get(Grid.class, spec -> spec.withId("refunds-grid"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<dev.billfold.refund.RefundableTopUp> refundable() {
        return _get(Grid.class, spec -> spec.withId("ops-refundable-payments"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<RefundQueueRow> queue() {
        return _get(Grid.class, spec -> spec.withId("refunds-queue"));
    }

    /** The queue is shared with other tests: the row of this test's customer. */
    private int rowOf(Grid<RefundQueueRow> grid) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).refund().accountId().equals(customer.accountId())) {
                return i;
            }
        }
        throw new AssertionError("No row for the customer's refund");
    }

    private static void click(Component cell, String buttonClass) {
        Button button = (Button) cell.getElement().getChildren().flatMap(child -> child.getChildren())
                .filter(element -> element.getClassList().contains(buttonClass))
                .findFirst().orElseThrow().getComponent().orElseThrow();
        _click(button);
    }
}
