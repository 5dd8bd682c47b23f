package dev.billfold.paymentmethod.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerSummary;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PendingMethodPoller;
import dev.billfold.ui.KaribuTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The methods page: the list, adding through the demo provider's setup page, default, removal, live status, roles. */
class PaymentMethodsViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    PendingMethodPoller poller;

    Customer customer;
    DemoCustomer demo;

    @BeforeEach
    void newCustomer() {
        customer = data.newCustomer("USD");
        demo = new DemoCustomer(gateways);
    }

    @Test
    void lists_the_payers_methods_with_label_provider_status_default_and_expiry_warning() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        PaymentMethodId expiring = data.savedCard(customer, customer.person(), "4444", false);
        jdbc.sql("update payment_method set expires_on = current_date + 10 where id = ?").param(expiring.value()).update();
        PaymentMethodId companyCard = data.savedCard(customer, customer.company(), "5555", true);
        PaymentMethodId expired = data.savedCard(customer, customer.person(), "1111", false);
        jdbc.sql("update payment_method set status = 'EXPIRED', expires_on = current_date - 40 where id = ?")
                .param(expired.value()).update();

        open(customer.username());

        assertThat(cardText(card)).contains("Visa •••• 4242, 12/30", "Card (demo checkout)", "Confirmed", "Default", "Added");
        assertThat(status(card)).isEqualTo("Confirmed");
        assertThat(_find(Span.class, spec -> spec.withId("default-badge-" + card.value()))).hasSize(1);
        assertThat(_find(Span.class, spec -> spec.withId("expiring-" + expiring.value()))).as("expires within 30 days").hasSize(1);
        assertThat(_find(Span.class, spec -> spec.withId("expiring-" + card.value()))).isEmpty();
        assertThat(status(expired)).as("a card past its expiry month stays listed, as Expired").isEqualTo("Expired");
        assertThat(cardText(expired)).contains("Visa •••• 1111").doesNotContain("Default");
        assertThat(_find(Div.class, spec -> spec.withId("method-" + companyCard.value()))).as("another payer's card").isEmpty();

        _setValue(payerSelect(), item(customer.company()));
        assertThat(_find(Div.class, spec -> spec.withId("method-" + companyCard.value()))).hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("method-" + card.value()))).isEmpty();
    }

    @Test
    void adding_a_card_through_the_demo_setup_page_shows_it_pending_then_confirmed_on_return_as_the_first_default() {
        open(customer.username());
        _click(_get(Button.class, spec -> spec.withId("add-method")));

        UUID method = pendingMethodOf(customer);
        assertThat(status(new PaymentMethodId(method))).isEqualTo("Pending");
        String setup = setupReference(method);
        assertThat(setup).startsWith("seti_demo_");

        demo.saveCard(setup);
        UI.getCurrent().navigate("payment-methods/setup/" + method);

        NavigatorKt.expectView(PaymentMethodsView.class);
        assertThat(_get(Div.class, spec -> spec.withId("methods-banner")).getText())
                .matches("Visa •••• 4242, \\d\\d/\\d\\d is saved and is now the default\\.");
        assertThat(status(new PaymentMethodId(method))).isEqualTo("Confirmed");
        assertThat(_find(Span.class, spec -> spec.withId("default-badge-" + method))).hasSize(1);
    }

    @Test
    void a_card_declined_on_the_setup_page_shows_as_failed_with_the_reason() {
        open(customer.username());
        _click(_get(Button.class, spec -> spec.withId("add-method")));
        UUID method = pendingMethodOf(customer);
        demo.saveDecliningCard(setupReference(method));

        UI.getCurrent().navigate("payment-methods/setup/" + method);

        assertThat(_get(Div.class, spec -> spec.withId("methods-banner")).getText())
                .isEqualTo("The method was not saved: Your card was declined.");
        assertThat(status(new PaymentMethodId(method))).isEqualTo("Failed");
        assertThat(_get(Paragraph.class, spec -> spec.withId("reason-" + method)).getText()).isEqualTo("Your card was declined.");
        assertThat(_find(Button.class, spec -> spec.withId("make-default-" + method))).isEmpty();
    }

    @Test
    void a_pending_method_turns_confirmed_on_the_open_page_when_the_poller_confirms_it() {
        open(customer.username());
        _click(_get(Button.class, spec -> spec.withId("add-method")));
        UUID method = pendingMethodOf(customer);
        demo.leaveSetupPending(setupReference(method));
        UI.getCurrent().navigate("payment-methods/setup/" + method);
        assertThat(status(new PaymentMethodId(method))).isEqualTo("Pending");
        Span live = _get(Span.class, spec -> spec.withId("methods-live"));
        assertThat(live.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(live.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(live.getText()).as("nothing to announce yet").isEmpty();

        // The customer finishes on the provider's side later; nobody reloads the page.
        demo.saveCard(setupReference(method));
        poller.runCycle();
        MockVaadin.clientRoundtrip(false);

        assertThat(status(new PaymentMethodId(method))).isEqualTo("Confirmed");
        assertThat(_find(Span.class, spec -> spec.withId("default-badge-" + method))).hasSize(1);
        assertThat(live.getText()).as("the pushed change is read out").matches("Visa •••• \\d{4}, \\d\\d/\\d\\d is confirmed\\.");
    }

    @Test
    void make_default_moves_the_single_default_to_another_confirmed_method() {
        PaymentMethodId first = data.savedCard(customer, customer.person(), "4242", true);
        PaymentMethodId second = data.savedCard(customer, customer.person(), "4444", false);
        open(customer.username());
        assertThat(_find(Button.class, spec -> spec.withId("make-default-" + first.value()))).as("already the default").isEmpty();

        _click(_get(Button.class, spec -> spec.withId("make-default-" + second.value())));

        assertThat(_find(Span.class, spec -> spec.withId("default-badge-" + second.value()))).hasSize(1);
        assertThat(_find(Span.class, spec -> spec.withId("default-badge-" + first.value()))).isEmpty();
        assertThat(jdbc.sql("select count(*) from payment_method where payer_id = ? and is_default = true")
                .param(customer.person().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void removing_the_default_that_auto_renewal_tops_up_from_warns_then_detaches_it_and_leaves_no_default() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        autoRenewingService();
        jdbc.sql("insert into renewal_settings (account_id, top_up_from_saved_method, payer_id) values (?, true, ?)")
                .params(customer.accountId().value(), customer.person().value()).update();
        String token = token(card);
        open(customer.username());

        _click(_get(Button.class, spec -> spec.withId("remove-" + card.value())));
        _get(Dialog.class, spec -> spec.withId("remove-dialog"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("remove-auto-renewal-warning")).getText())
                .isEqualTo("Auto-renewal tops up from this method: 1 service renews automatically. After removing it, "
                        + "their renewals can only be paid from the balance.");
        _click(_get(Button.class, spec -> spec.withId("cancel-remove")));
        assertThat(methodStatus(card)).as("cancel changes nothing").isEqualTo("CONFIRMED");

        _click(_get(Button.class, spec -> spec.withId("remove-" + card.value())));
        _click(_get(Button.class, spec -> spec.withId("confirm-remove")));

        _assertNone(Dialog.class, spec -> spec.withId("remove-dialog"));
        assertThat(_find(Div.class, spec -> spec.withId("method-" + card.value()))).as("removed methods are not listed").isEmpty();
        assertThat(methodStatus(card)).as("kept, never deleted").isEqualTo("REMOVED");
        assertThat(jdbc.sql("select is_default from payment_method where id = ?").param(card.value()).query(Boolean.class).single()).isFalse();
        assertThat(demo.cardDetached(token)).as("detached at the provider").isTrue();
    }

    @Test
    void removing_a_method_that_is_not_the_auto_renewal_default_asks_without_the_warning() {
        data.savedCard(customer, customer.person(), "4242", true);
        PaymentMethodId other = data.savedCard(customer, customer.person(), "4444", false);
        autoRenewingService();
        open(customer.username());

        _click(_get(Button.class, spec -> spec.withId("remove-" + other.value())));

        _get(Dialog.class, spec -> spec.withId("remove-dialog"));
        assertThat(_find(Paragraph.class, spec -> spec.withId("remove-auto-renewal-warning"))).isEmpty();
    }

    @Test
    void a_viewer_sees_the_methods_read_only() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        data.savedCard(customer, customer.person(), "4444", false);
        String viewer = data.addMember(customer.accountId(), "VIEWER");
        open(viewer);

        assertThat(_get(Paragraph.class, spec -> spec.withId("methods-read-only")).isVisible()).isTrue();
        assertThat(_find(Div.class, spec -> spec.withId("method-" + card.value()))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("add-method"))).as("Karibu finds visible components only").isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Remove"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Make default"))).isEmpty();
    }

    @Test
    void a_setup_return_for_an_unknown_method_says_so_and_changes_nothing() {
        open(customer.username());
        int before = data.methods(customer.person());
        UI.getCurrent().navigate("payment-methods/setup/" + UUID.randomUUID());

        NavigatorKt.expectView(PaymentMethodsView.class);
        assertThat(_get(Div.class, spec -> spec.withId("methods-banner")).getText()).isEqualTo("We could not find that payment method.");
        assertThat(data.methods(customer.person())).isEqualTo(before);
    }

    private void open(String username) {
        signIn(username);
        UI.getCurrent().navigate(PaymentMethodsView.class);
        NavigatorKt.expectView(PaymentMethodsView.class);
    }

    @SuppressWarnings("unchecked")
    private static Select<PayerSummary> payerSelect() {
        return _get(Select.class, spec -> spec.withId("methods-payer"));
    }

    private static PayerSummary item(dev.billfold.account.PayerId id) {
        return payerSelect().getListDataView().getItems().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static String cardText(PaymentMethodId id) {
        return _get(Div.class, spec -> spec.withId("method-" + id.value())).getElement().getTextRecursively();
    }

    private static String status(PaymentMethodId id) {
        return _get(Span.class, spec -> spec.withId("status-" + id.value())).getText();
    }

    private UUID pendingMethodOf(Customer c) {
        return jdbc.sql("select id from payment_method where payer_id = ? and status = 'PENDING'")
                .param(c.person().value()).query(UUID.class).single();
    }

    private String setupReference(UUID method) {
        return jdbc.sql("select setup_reference from payment_method where id = ?").param(method).query(String.class).single();
    }

    private String methodStatus(PaymentMethodId id) {
        return jdbc.sql("select status from payment_method where id = ?").param(id.value()).query(String.class).single();
    }

    private String token(PaymentMethodId id) {
        return jdbc.sql("select provider_token from payment_method where id = ?").param(id.value()).query(String.class).single();
    }

    private void autoRenewingService() {
        jdbc.sql("""
                        insert into hosted_service (id, account_id, name, kind, price_value, price_currency, period, paid_until,
                          status, auto_renew, created_at, version)
                        values (?, ?, 'vps-1', 'VPS', 10.00, 'USD', 'MONTH', current_date + 20, 'ACTIVE', true, current_timestamp, 0)""")
                .params(UUID.randomUUID(), customer.accountId().value()).update();
    }
}
