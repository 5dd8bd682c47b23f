package dev.billfold.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerId;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Send the invoice by e-mail" in the customer's payment detail, and the account's mail log in the back office. Mail
 * is switched off in this context, so a mail ends LOGGED; what is checked is what the mail log records.
 */
class MailViewsTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    TopUpService topUps;
    @Autowired
    JdbcClient jdbc;

    @SignedIn
    Customer customer;

    @Test
    void a_waiting_invoice_offers_its_payers_address_and_sends_it_again_to_another_one() {
        PaymentId invoice = topUp(customer.company(), "120.00", new MethodChoice.Invoice(),
                PaymentStatus.WAITING_FOR_PAYMENT);
        showDetail(invoice);

        EmailField address = _get(EmailField.class, spec -> spec.withId("send-invoice-address"));
        assertThat(address.getValue()).isEqualTo("billing@example.com");
        address.setValue("  Accounts@Other.Example ");
        _click(_get(Button.class, spec -> spec.withId("send-invoice")));

        assertThat(banner().getText()).isEqualTo("The invoice is on its way to accounts@other.example.");
        assertThat(banner().getElement().getAttribute("data-kind")).isEqualTo("success");
        assertThat(address.isInvalid()).isFalse();
        assertThat(recipients(invoice, "INVOICE_AGAIN")).containsExactly("accounts@other.example");
        assertThat(recipients(invoice, "INVOICE")).as("the mail it was issued with").containsExactly("billing@example.com");
    }

    @Test
    void the_prefilled_address_sends_it_to_the_payers_invoice_address() {
        PaymentId invoice = topUp(customer.company(), "30.00", new MethodChoice.Invoice(),
                PaymentStatus.WAITING_FOR_PAYMENT);
        showDetail(invoice);

        _click(_get(Button.class, spec -> spec.withId("send-invoice")));

        assertThat(banner().getText()).isEqualTo("The invoice is on its way to billing@example.com.");
        assertThat(recipients(invoice, "INVOICE_AGAIN")).containsExactly("billing@example.com");
    }

    @Test
    void a_bad_address_is_shown_at_the_field_and_sends_nothing() {
        PaymentId invoice = topUp(customer.company(), "50.00", new MethodChoice.Invoice(),
                PaymentStatus.WAITING_FOR_PAYMENT);
        showDetail(invoice);
        EmailField address = _get(EmailField.class, spec -> spec.withId("send-invoice-address"));

        for (String bad : List.of("not an address", "someone@nowhere", "a@b@c.example", "x".repeat(330) + "@a.example")) {
            address.setValue(bad);
            _click(_get(Button.class, spec -> spec.withId("send-invoice")));

            assertThat(address.isInvalid()).as(bad).isTrue();
            assertThat(address.getErrorMessage()).as(bad).isIn("The e-mail address has at most 320 characters.",
                    "Enter a valid e-mail address, like billing@example.com.");
            assertThat(_find(Div.class, spec -> spec.withId("send-invoice-banner"))).as("no banner shown").isEmpty();
        }
        assertThat(recipients(invoice, "INVOICE_AGAIN")).isEmpty();
    }

    @Test
    void past_the_rate_limit_the_invoice_is_not_sent_and_the_member_is_told_so() {
        PaymentId invoice = topUp(customer.company(), "70.00", new MethodChoice.Invoice(),
                PaymentStatus.WAITING_FOR_PAYMENT);
        showDetail(invoice);
        Button send = _get(Button.class, spec -> spec.withId("send-invoice"));
        int sent = 0;
        while (!bannerText().startsWith("Many invoices") && sent <= 100) {
            _click(send);
            sent++;
        }

        assertThat(banner().getText())
                .startsWith("Many invoices were sent by e-mail in a short time, so this one was not sent. Please try again in");
        assertThat(banner().getElement().getAttribute("data-kind")).isEqualTo("error");
        assertThat(recipients(invoice, "INVOICE_AGAIN")).as("every send but the refused one").hasSize(sent - 1)
                .isNotEmpty();
    }

    @Test
    void no_form_for_a_viewer_a_paid_payment_or_a_card_payment() {
        PaymentId invoice = topUp(customer.company(), "25.00", new MethodChoice.Invoice(),
                PaymentStatus.WAITING_FOR_PAYMENT);
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        PaymentId credited = topUp(customer.person(), "25.00", new MethodChoice.Saved(card), PaymentStatus.CREDITED);

        showDetail(credited);
        assertThat(_get(Div.class, spec -> spec.withId("payment-detail")).isVisible()).isTrue();
        assertThat(_find(Div.class, spec -> spec.withId("send-invoice-email"))).isEmpty();

        signIn(data.addMember(customer.accountId(), "VIEWER"));
        showDetail(invoice);
        assertThat(_get(Div.class, spec -> spec.withId("payment-detail")).isVisible()).isTrue();
        assertThat(_find(Div.class, spec -> spec.withId("send-invoice-email"))).isEmpty();
    }

    @Test
    void staff_see_the_accounts_mails_with_recipient_kind_status_and_attempts() {
        PaymentId invoice = topUp(customer.company(), "90.00", new MethodChoice.Invoice(),
                PaymentStatus.WAITING_FOR_PAYMENT);
        showDetail(invoice);
        _get(EmailField.class, spec -> spec.withId("send-invoice-address")).setValue("second@copy.example");
        _click(_get(Button.class, spec -> spec.withId("send-invoice")));
        Customer other = data.newCustomer("USD");

        signInStaff(data.newStaffUser(), StaffRole.SUPPORT);
        UI.getCurrent().navigate("ops/account", QueryParameters.of("id", customer.accountId().value().toString()));

        @SuppressWarnings("unchecked")
        Grid<Object> log = _get(Grid.class, spec -> spec.withId("ops-mail-log"));
        assertThat(GridKt._size(log)).isEqualTo(2);
        List<String> newest = GridKt._getFormattedRow(log, 0);
        List<String> first = GridKt._getFormattedRow(log, 1);
        assertThat(newest).contains("second@copy.example", "Invoice, sent again");
        assertThat(first).contains("billing@example.com", "Invoice");
        assertThat(newest.get(4)).isIn("Queued", "Sending", "Not sent: mail is switched off");
        assertThat(newest.get(6)).isIn("0", "1");

        UI.getCurrent().navigate("ops/account", QueryParameters.of("id", other.accountId().value().toString()));
        assertThat(_find(Grid.class, spec -> spec.withId("ops-mail-log"))).as("another account's page").isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("ops-mail-log-none")).isVisible()).isTrue();
    }

    private PaymentId topUp(PayerId payer, String amount, MethodChoice method, PaymentStatus expected) {
        var completed = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(payer, amount, method, false,
                UUID.randomUUID().toString()));
        assertThat(completed.status()).isEqualTo(expected);
        return completed.paymentId();
    }

    private List<String> recipients(PaymentId payment, String kind) {
        return jdbc.sql("select recipient from mail_log where payment_id = ? and kind = ? order by created_at")
                .params(payment.value(), kind).query(String.class).list();
    }

    /** The banner's text, or empty while it is hidden (Karibu finds visible components only). */
    private static String bannerText() {
        return _find(Div.class, spec -> spec.withId("send-invoice-banner")).stream().map(Div::getText).findFirst()
                .orElse("");
    }

    private static Div banner() {
        return _get(Div.class, spec -> spec.withId("send-invoice-banner"));
    }

    private static void showDetail(PaymentId id) {
        UI.getCurrent().navigate("history", QueryParameters.of("payment", id.value().toString()));
    }
}
