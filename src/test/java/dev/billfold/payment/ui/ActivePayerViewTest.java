package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.RadioButtonsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerSummary;
import dev.billfold.base.ui.LightSelect;
import dev.billfold.paymentmethod.ui.PaymentMethodViews;
import dev.billfold.ui.KaribuTest;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The header's payer switcher: what follows it (top-up methods, the methods page, history filter) and that the
 * choice is kept. The transaction timeline's part is in TransactionHistoryViewTest.
 */
class ActivePayerViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    PayerService payers;

    Customer customer;

    @BeforeEach
    void newCustomer() {
        customer = data.newCustomer("USD");
        data.savedCard(customer, customer.person(), "4242", true);
        data.savedCard(customer, customer.company(), "4444", true);
    }

    @Test
    void switching_the_payer_in_the_header_switches_the_top_up_payer_and_its_methods() {
        open(TopUpView.class);
        assertThat(switcher().getValue().id()).isEqualTo(customer.person());
        assertThat(RadioButtonsKt.getItemLabels(TopUpViewTest.method()))
                .containsExactly("Visa •••• 4242, 12/30", "Card (demo checkout)", "Invoice (bank transfer)");

        _setValue(switcher(), item(customer.company()));

        assertThat(TopUpViewTest.payer().getValue().id()).isEqualTo(customer.company());
        assertThat(RadioButtonsKt.getItemLabels(TopUpViewTest.method()))
                .containsExactly("Visa •••• 4444, 12/30", "Card (demo checkout)", "Invoice (bank transfer)");
        assertThat(TopUpViewTest.method().getValue().label()).isEqualTo("Visa •••• 4444, 12/30");
    }

    @Test
    void the_choice_is_kept_for_the_next_visit_and_the_top_up_page_starts_with_it() {
        open(TopUpView.class);
        _setValue(switcher(), item(customer.company()));

        // A new session: a fresh UI, signed in again.
        MockVaadin.tearDown();
        TestData.signOut();
        newUi();
        open(TopUpView.class);

        assertThat(switcher().getValue().id()).isEqualTo(customer.company());
        assertThat(TopUpViewTest.payer().getValue().id()).isEqualTo(customer.company());
        assertThat(TopUpViewTest.method().getValue().label()).isEqualTo("Visa •••• 4444, 12/30");
    }

    @Test
    void a_kept_choice_that_was_archived_falls_back_to_the_default_payer() {
        signIn(customer.username());
        payers.switchTo(customer.company());
        PayerDetails company = payers.all().stream().filter(p -> p.id().equals(customer.company())).findFirst().orElseThrow();
        payers.archive(company.id(), company.version(), null);

        open(TopUpView.class);

        assertThat(switcher().getValue().id()).isEqualTo(customer.person());
        assertThat(TopUpViewTest.method().getValue().label()).as("the person's card").isEqualTo("Visa •••• 4242, 12/30");
    }

    @Test
    void choosing_a_payer_that_another_owner_archived_meanwhile_says_so_and_changes_nothing() {
        open(TopUpView.class);
        PayerSummary staleCompany = item(customer.company());
        PayerDetails company = payers.all().stream().filter(p -> p.id().equals(customer.company())).findFirst().orElseThrow();
        payers.archive(company.id(), company.version(), null);

        _setValue(switcher(), staleCompany);

        NotificationsKt.expectNotifications("That payer is archived and can no longer be used.");
        assertThat(switcher().getValue().id()).isEqualTo(customer.person());
        assertThat(switcher().getItems().stream().map(PayerSummary::id)).containsExactly(customer.person());
        assertThat(payers.active().orElseThrow().id()).isEqualTo(customer.person());
        assertThat(TopUpViewTest.method().getValue().label()).isEqualTo("Visa •••• 4242, 12/30");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_history_filter_starts_on_the_active_payer_follows_the_switch_and_can_show_all() {
        signIn(customer.username());
        payers.switchTo(customer.company());
        open(PaymentHistoryView.class);
        Select<Optional<PayerDetails>> filter = _get(Select.class, spec -> spec.withId("payer-filter"));
        assertThat(filter.getValue()).map(PayerDetails::id).contains(customer.company());

        _setValue(switcher(), item(customer.person()));
        assertThat(filter.getValue()).map(PayerDetails::id).contains(customer.person());

        _setValue(filter, Optional.empty());
        assertThat(filter.getValue()).isEmpty();
        assertThat(payers.active().orElseThrow().id()).as("the filter is the page's, the header keeps the choice")
                .isEqualTo(customer.person());
    }

    @Test
    @SuppressWarnings("unchecked")
    void switching_the_payer_in_the_header_switches_the_methods_listed_on_the_methods_page() {
        open(PaymentMethodViews.METHODS);
        Select<PayerSummary> pagePayer = _get(Select.class, spec -> spec.withId("methods-payer"));
        assertThat(pagePayer.getValue().id()).isEqualTo(customer.person());
        assertThat(listedMethods()).containsExactly("Visa •••• 4242, 12/30");

        _setValue(switcher(), item(customer.company()));

        assertThat(pagePayer.getValue().id()).isEqualTo(customer.company());
        assertThat(listedMethods()).containsExactly("Visa •••• 4444, 12/30");

        _setValue(switcher(), item(customer.person()));

        assertThat(pagePayer.getValue().id()).isEqualTo(customer.person());
        assertThat(listedMethods()).containsExactly("Visa •••• 4242, 12/30");
    }

    private void open(Class<? extends com.vaadin.flow.component.Component> view) {
        signIn(customer.username());
        UI.getCurrent().navigate(view);
        NavigatorKt.expectView(view);
    }

    /** The labels of the method cards the methods page shows. */
    private static java.util.List<String> listedMethods() {
        return _find(Span.class, spec -> spec.withClasses("method-label")).stream().map(Span::getText).toList();
    }

    private void newUi() {
        MockVaadin.setup(UI::new, new com.github.mvysny.kaributesting.v10.spring.MockSpringServlet(
                routes(), applicationContext, UI::new));
    }

    @SuppressWarnings("unchecked")
    private static LightSelect<PayerSummary> switcher() {
        return _get(LightSelect.class, spec -> spec.withId("active-payer"));
    }

    private static PayerSummary item(PayerId id) {
        return switcher().getItems().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
