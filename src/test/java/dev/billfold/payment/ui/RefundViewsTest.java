package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.TestData.Customer;
import dev.billfold.TestData;
import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundNotifications;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.language.Language;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.OpenDispute;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentService;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import dev.billfold.ui.KaribuTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What refunds and disputes from the provider look like (DD-069, DD-070): the open-disputes queue as staff read it,
 * "Refunded X of Y" in the customer's history and detail, and the notice on every page while the balance is below
 * zero.
 */
class RefundViewsTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentHistoryQuery history;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    RefundNotifications notifications;

    Customer customer;

    @BeforeEach
    void aCustomer() {
        customer = data.newCustomer("USD");
    }

    @Test
    void staff_see_an_open_dispute_with_its_account_and_the_queue_empties_when_it_is_won() {
        Paid paid = credited("100.00");
        String disputeId = "dp_" + UUID.randomUUID();
        notifications.dispute("demo", dispute(paid, disputeId, ProviderDispute.State.OPEN, "needs response"));

        signInStaff(data.newStaffUser(), StaffRole.SUPPORT);
        UI.getCurrent().navigate(OpsDisputesView.class);

        Grid<OpenDispute> grid = disputesGrid();
        int index = indexOf(grid, disputeId);
        OpenDispute row = GridKt._get(grid, index);
        assertThat(row.amount()).isEqualTo(Money.of("100.00", "USD"));
        assertThat(row.providerStatus()).isEqualTo("needs response");
        assertThat(((Anchor) GridKt._getCellComponent(grid, index, "account")).getHref())
                .isEqualTo(OpsLayout.accountHref(customer.accountId().value()));
        int before = count();
        assertThat(before).isPositive();

        notifications.dispute("demo", dispute(paid, disputeId, ProviderDispute.State.WON, "won"));
        UI.getCurrent().navigate(OpsDisputesView.class);

        assertThat(count()).isEqualTo(before - 1);
        assertThat(GridKt._size(disputesGrid()) == 0 || rows(disputesGrid(), disputeId) == 0).isTrue();
    }

    @Test
    void a_customer_never_opens_the_disputes_queue() {
        signIn(customer.username());
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsDisputesView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void a_partial_refund_shows_refunded_x_of_y_in_the_history_and_the_detail() {
        Paid paid = credited("100.00");
        notifications.refund("demo", new ProviderRefund(null, paid.reference(), "re_" + UUID.randomUUID(),
                Money.of("30.00", "USD"), ProviderRefund.State.SUCCEEDED, "Refunded at the payer's request.", null));

        signIn(customer.username());
        UI.getCurrent().navigate("history", QueryParameters.of("payment", paid.id().value().toString()));

        assertThat(_get(Paragraph.class, spec -> spec.withId("detail-refunded")).getText())
                .isEqualTo("Refunded $30.00 of $100.00");
        assertThat(_get(Div.class, spec -> spec.withId("detail-refunds")).getElement().getTextRecursively())
                .contains("Refunded: $30.00. Refunded at the payer's request.");
        assertThat(_find(Div.class, spec -> spec.withId(NegativeBalanceNotice.ID))).as("the balance is positive")
                .isEmpty();
    }

    @Test
    void a_partial_refund_reads_in_russian_with_russian_amounts() {
        Paid paid = credited("100.00");
        notifications.refund("demo", new ProviderRefund(null, paid.reference(), "re_" + UUID.randomUUID(),
                Money.of("30.00", "USD"), ProviderRefund.State.SUCCEEDED, null, null));

        signIn(customer.username());
        UI.getCurrent().setLocale(Language.RU.locale());
        UI.getCurrent().navigate("history", QueryParameters.of("payment", paid.id().value().toString()));

        assertThat(_get(Paragraph.class, spec -> spec.withId("detail-refunded")).getText())
                .isEqualTo("Возвращено 30,00\u00A0$ из 100,00\u00A0$");
        assertThat(_get(Div.class, spec -> spec.withId("detail-refunds")).getElement().getTextRecursively())
                .contains("Возвраты и споры", "Возвращено: 30,00\u00A0$.").doesNotContain("!{");
    }

    @Test
    void every_page_says_so_while_a_dispute_keeps_the_balance_below_zero() {
        belowZeroAfterADispute();

        signIn(customer.username());
        for (String page : new String[] {"history", ""}) {
            UI.getCurrent().navigate(page);
            assertThat(_get(Div.class, spec -> spec.withId(NegativeBalanceNotice.ID)).getText()).as(page)
                    .isEqualTo("Your balance is \u221260.00 USD after a dispute of a card payment. Top up to bring it "
                            + "back to zero; until then auto-renewal is paused.");
        }
        assertThat(_get(Span.class, spec -> spec.withId("header-balance")).getText()).isEqualTo("-$60.00");
    }

    @Test
    void the_below_zero_notice_reads_in_kazakh() {
        belowZeroAfterADispute();

        signIn(customer.username());
        UI.getCurrent().setLocale(Language.KK.locale());
        UI.getCurrent().navigate("history");

        assertThat(_get(Div.class, spec -> spec.withId(NegativeBalanceNotice.ID)).getText())
                .isEqualTo("Балансыңыз карта төлемі бойынша дау салдарынан \u221260.00 USD болды. Оны нөлге жеткізу үшін "
                        + "толтырыңыз; оған дейін автоматты ұзарту тоқтатылған.");
    }

    private record Paid(PaymentId id, String reference) {
    }

    private Paid credited(String amount) {
        signIn(customer.username());
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Checkout("demo"), false, UUID.randomUUID().toString()));
        String reference = history.details(redirect.paymentId()).providerReference();
        new DemoCustomer(gateways).pay(reference);
        payments.confirmReturn(redirect.paymentId());
        return new Paid(redirect.paymentId(), reference);
    }

    private static ProviderDispute dispute(Paid paid, String id, ProviderDispute.State state, String status) {
        return new ProviderDispute(null, paid.reference(), id, Money.of("100.00", "USD"), state, status, null);
    }

    @SuppressWarnings("unchecked")
    private static Grid<OpenDispute> disputesGrid() {
        return _get(Grid.class, spec -> spec.withId("disputes-grid"));
    }

    private static int indexOf(Grid<OpenDispute> grid, String disputeId) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).disputeId().equals(disputeId)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + disputeId);
    }

    private static int rows(Grid<OpenDispute> grid, String disputeId) {
        int found = 0;
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).disputeId().equals(disputeId)) {
                found++;
            }
        }
        return found;
    }

    private static int count() {
        return Integer.parseInt(_get(Span.class, spec -> spec.withId("ops-nav-disputes-count")).getText());
    }

    /** $100 credited, $60 of it refunded, then the whole $100 disputed: the balance is -$60. */
    private void belowZeroAfterADispute() {
        Paid paid = credited("100.00");
        notifications.refund("demo", new ProviderRefund(null, paid.reference(), "re_" + UUID.randomUUID(),
                Money.of("60.00", "USD"), ProviderRefund.State.SUCCEEDED, null, null));
        notifications.dispute("demo", new ProviderDispute(null, paid.reference(), "dp_" + UUID.randomUUID(),
                Money.of("100.00", "USD"), ProviderDispute.State.OPEN, "needs response", null));
    }
}
