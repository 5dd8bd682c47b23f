package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.billfold.payment.ui.TopUpViewTest.amount;
import static dev.billfold.payment.ui.TopUpViewTest.method;
import static dev.billfold.payment.ui.TopUpViewTest.pay;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.billfold.TestData.Customer;
import dev.billfold.TestData;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.KenyanPhone;
import dev.billfold.gateway.PaymentNotifications;
import dev.billfold.gateway.PhonePayments;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.language.Language;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** M-Pesa through the demo provider in the views: the phone field, the waiting page and its live status. */
class PhonePaymentViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    PaymentNotifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentHistoryQuery history;

    Customer customer;

    @BeforeEach
    void kenyanCustomer() {
        customer = data.newCustomer("KES");
        signIn(customer.username());
        UI.getCurrent().navigate(TopUpView.class);
    }

    @Test
    void the_waiting_page_asks_for_the_pin_and_shows_credited_once_the_phone_approves() {
        String push = startPhonePayment("5000");

        assertThat(status().getText()).isEqualTo("Waiting for payment");
        assertThat(message().getText()).startsWith(PhonePayments.CHECK_YOUR_PHONE);
        assertThat(simulator().isVisible()).isTrue();
        assertThat(simulator().getHref()).isEqualTo("/demo-gateway/phone/" + push);

        poll();
        assertThat(status().getText()).as("nothing happened yet").isEqualTo("Waiting for payment");

        new DemoCustomer(gateways).answerOnPhone(push, true);
        callBack(push);
        poll();

        assertThat(status().getText()).isEqualTo("Credited");
        assertThat(message().getText()).isEqualTo("KES 5,000.00 was added to your balance.");
        // The status the poll changed is in a polite live region, so a screen reader reads the change out.
        Div live = _get(Div.class, spec -> spec.withId("phone-live"));
        assertThat(live.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(live.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(live.getChildren()).containsExactly(status(), message());
        _assertNone(Anchor.class, spec -> spec.withId("phone-simulator"));
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(history.page(PaymentHistoryQuery.Filter.all(), 0, 1).getFirst().methodLabel())
                .isEqualTo("M-Pesa (demo phone)");
    }

    @Test
    void a_declined_prompt_shows_rejected_with_the_words() {
        String push = startPhonePayment("5000");

        new DemoCustomer(gateways).answerOnPhone(push, false);
        callBack(push);
        poll();

        assertThat(status().getText()).isEqualTo("Rejected");
        assertThat(message().getText()).isEqualTo(PhonePayments.CANCELLED_ON_PHONE);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_bad_phone_number_is_shown_on_the_field_and_creates_nothing() {
        choosePhoneMethod();
        _setValue(amount(), "5000");
        _setValue(phone(), "12345");
        _click(pay());

        NavigatorKt.expectView(TopUpView.class);
        assertThat(phone().isInvalid()).isTrue();
        assertThat(phone().getErrorMessage()).isEqualTo(KenyanPhone.INVALID);
        assertThat(data.payments(customer.accountId())).isZero();
    }

    @Test
    void the_waiting_page_speaks_swahili() {
        UI.getCurrent().setLocale(Language.SW.locale());
        startPhonePayment("5000");

        assertThat(status().getText()).isEqualTo("Inasubiri malipo");
        assertThat(message().getText()).isEqualTo("Angalia simu yako na uweke PIN yako ya M-Pesa. Ukurasa huu "
                + "utajisasisha wenyewe.");
        assertThat(simulator().getText()).isEqualTo("Fungua simu ya majaribio");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Idhinisha kwenye simu yako · Billfold");
    }

    private String startPhonePayment(String typed) {
        choosePhoneMethod();
        _setValue(amount(), typed);
        _setValue(phone(), "0712 345 678");
        _click(pay());
        NavigatorKt.expectView(PhonePaymentView.class);
        return jdbc.sql("select provider_reference from payment where account_id = ?")
                .param(customer.accountId().value()).query(String.class).single();
    }

    private void choosePhoneMethod() {
        _assertNone(TextField.class, spec -> spec.withId("phone"));
        method().getListDataView().getItems().filter(o -> o.choice() instanceof MethodChoice.Phone).findFirst()
                .ifPresent(option -> _setValue(method(), option));
        assertThat(phone().isVisible()).isTrue();
    }

    /** What the demo phone's button does after it answered: the callback, which Billfold checks by asking. */
    private void callBack(String push) {
        notifications.byProviderReference("demo", push, gateways.require("demo").checkoutResult(push));
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private static TextField phone() {
        return _get(TextField.class, spec -> spec.withId("phone"));
    }

    private static Span status() {
        return _get(Span.class, spec -> spec.withId("phone-status"));
    }

    private static Paragraph message() {
        return _get(Paragraph.class, spec -> spec.withId("phone-message"));
    }

    private static Anchor simulator() {
        return _get(Anchor.class, spec -> spec.withId("phone-simulator"));
    }
}
