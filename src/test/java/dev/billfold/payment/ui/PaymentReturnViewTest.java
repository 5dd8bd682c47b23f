package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.billfold.payment.ui.TopUpJourneyViewTest.banner;
import static dev.billfold.payment.ui.TopUpJourneyViewTest.headerBalance;
import static dev.billfold.payment.ui.TopUpJourneyViewTest.text;
import static dev.billfold.payment.ui.TopUpViewTest.amount;
import static dev.billfold.payment.ui.TopUpViewTest.pay;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.ui.KaribuTest;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Payment ids in the address are not trusted: unknown, malformed and other customers' ids all get the same answer. */
class PaymentReturnViewTest extends KaribuTest {

    private static final String NOT_FOUND = "We could not find that payment.";

    @Autowired
    TestData data;
    @Autowired
    TopUpService topUps;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    JdbcClient jdbc;

    Customer customer;

    @BeforeEach
    void newCustomer() {
        customer = data.newCustomer("USD");
    }

    @Test
    void a_return_for_an_unknown_or_malformed_payment_id_shows_the_error_and_changes_nothing() {
        signIn(customer.username());

        UI.getCurrent().navigate("payment-return/" + UUID.randomUUID());
        expectNotFound();

        UI.getCurrent().navigate("payment-return/not-a-payment-id");
        expectNotFound();

        UI.getCurrent().navigate(PaymentHistoryView.class, QueryParameters.of("payment", UUID.randomUUID().toString()));
        expectNotFound();

        assertThat(headerBalance()).isEqualTo("$0.00");
        assertThat(data.payments(customer.accountId())).isZero();
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void text_in_the_address_is_never_shown_as_a_message() {
        signIn(customer.username());

        UI.getCurrent().navigate(PaymentHistoryView.class,
                QueryParameters.of("error", "Your account is suspended. Call +1 555 0100 to pay the fine."));

        NavigatorKt.expectView(PaymentHistoryView.class);
        assertThat(_find(Div.class, spec -> spec.withId("payment-banner"))).as("no banner is visible").isEmpty();
        assertThat(_find(Div.class)).noneMatch(div -> div.getElement().getText().contains("suspended"));
    }

    @Test
    void another_customers_payment_can_be_neither_confirmed_nor_viewed_and_stays_unchanged() {
        Customer stranger = data.newCustomer("USD");
        UUID strangersPayment = paidCheckoutWithoutReturn(stranger, "60.00");

        signIn(customer.username());
        UI.getCurrent().navigate("payment-return/" + strangersPayment);
        expectNotFound();

        UI.getCurrent().navigate(TopUpView.class);
        UI.getCurrent().navigate(PaymentHistoryView.class, QueryParameters.of("payment", strangersPayment.toString()));
        expectNotFound();
        assertThat(_size(_get(Grid.class, spec -> spec.withId("history-grid")))).as("the history lists only own payments").isZero();

        assertThat(statusOf(strangersPayment)).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT.name());
        assertThat(data.ledgerEntries(stranger.accountId())).isZero();
        assertThat(data.balance(stranger.accountId())).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(headerBalance()).isEqualTo("$0.00");
    }

    @Test
    void a_foreign_payment_id_after_an_own_payment_does_not_keep_showing_the_own_payment() {
        data.savedCard(customer, customer.person(), "4242", true);
        Customer stranger = data.newCustomer("USD");
        UUID strangersPayment = paidCheckoutWithoutReturn(stranger, "60.00");

        signIn(customer.username());
        UI.getCurrent().navigate(TopUpView.class);
        _setValue(amount(), "25");
        _click(pay());
        NavigatorKt.expectView(PaymentHistoryView.class);
        assertThat(text("detail-status")).isEqualTo("Credited");

        UI.getCurrent().navigate(PaymentHistoryView.class, QueryParameters.of("payment", strangersPayment.toString()));
        expectNotFound();
        assertThat(headerBalance()).isEqualTo("$25.00");
        assertThat(statusOf(strangersPayment)).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT.name());
    }

    private void expectNotFound() {
        NavigatorKt.expectView(PaymentHistoryView.class);
        assertThat(banner().isVisible()).isTrue();
        assertThat(banner().getText()).isEqualTo(NOT_FOUND);
        assertThat(banner().getElement().getAttribute("data-kind")).isEqualTo("error");
        assertThat(_find(Div.class, spec -> spec.withId("payment-detail"))).as("no payment detail is shown").isEmpty();
    }

    /** The stranger starts a demo checkout and pays on the provider's page, but has not come back yet. */
    private UUID paidCheckoutWithoutReturn(Customer stranger, String amount) {
        TestData.signIn(stranger.username());
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(stranger.person(), amount,
                new MethodChoice.Checkout("demo"), false, UUID.randomUUID().toString()));
        UUID paymentId = redirect.paymentId().value();
        String checkoutId = jdbc.sql("select provider_reference from payment where id = ?").param(paymentId)
                .query(String.class).single();
        new DemoCustomer(gateways).pay(checkoutId);
        TestData.signOut();
        return paymentId;
    }

    private String statusOf(UUID paymentId) {
        return jdbc.sql("select status from payment where id = ?").param(paymentId).query(String.class).single();
    }
}
