package dev.billfold.webhook.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.TestData;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import dev.billfold.webhook.EndpointSummary;
import dev.billfold.webhook.EventType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The webhooks page as an Admin uses it (register an endpoint, see its secret once, rotate it, switch it off, open its
 * delivery log) and as Support and customers are kept out of it.
 */
class OpsWebhooksViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    String admin;
    String url;

    @BeforeEach
    void anAdmin() {
        admin = data.newStaffUser();
        url = "https://hooks.example.com/" + UUID.randomUUID();
    }

    @AfterEach
    void switchOff() {
        // Other tests of this context post payments: nothing of theirs may be queued for these endpoints.
        jdbc.sql("update webhook_endpoint set enabled = false").update();
    }

    @Test
    void an_admin_registers_an_endpoint_sees_its_secret_once_rotates_it_and_switches_it_off() {
        signInStaff(admin, StaffRole.ADMIN);
        UI.getCurrent().navigate(OpsWebhooksView.class);
        assertThat(_find(TextField.class, spec -> spec.withId("webhook-secret"))).isEmpty();

        _get(TextField.class, spec -> spec.withId("webhook-url")).setValue(url);
        _get(TextField.class, spec -> spec.withId("webhook-description")).setValue("Provisioning");
        @SuppressWarnings("unchecked")
        CheckboxGroup<EventType> types = _get(CheckboxGroup.class, spec -> spec.withId("webhook-types"));
        types.setValue(Set.of(EventType.SERVICE_SUSPENDED, EventType.SERVICE_RESUMED));
        _click(_get(Button.class, spec -> spec.withId("webhook-create")));

        assertThat(banner()).isEqualTo("Endpoint registered. Copy its signing secret now: it is not shown again.");
        String secret = _get(TextField.class, spec -> spec.withId("webhook-secret")).getValue();
        assertThat(secret).startsWith("whsec_");
        EndpointSummary endpoint = row();
        assertThat(endpoint.types()).containsExactlyInAnyOrder(EventType.SERVICE_SUSPENDED,
                EventType.SERVICE_RESUMED);
        assertThat(endpoint.enabled()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'webhook.endpoint.created' "
                + "and subject_id = ?").param(endpoint.id().value()).query(Integer.class).single()).isEqualTo(1);
        assertThat(_get(Paragraph.class, spec -> spec.withId("webhook-log-none")).getText())
                .isEqualTo("No deliveries yet.");

        UI.getCurrent().navigate(OpsWebhooksView.class);
        assertThat(_find(TextField.class, spec -> spec.withId("webhook-secret"))).as("the secret is shown once")
                .isEmpty();

        String key = endpoint.id().value().toString();
        _click(action("webhook-rotate-" + key));
        String rotated = _get(TextField.class, spec -> spec.withId("webhook-secret")).getValue();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(row().previousSecretUntil()).as("the old secret signs during the overlap").isNotNull();

        _click(action("webhook-toggle-" + key));
        assertThat(banner()).isEqualTo("Endpoint switched off.");
        assertThat(row().enabled()).isFalse();
    }

    @Test
    void a_bad_url_is_explained_and_registers_nothing() {
        signInStaff(admin, StaffRole.ADMIN);
        UI.getCurrent().navigate(OpsWebhooksView.class);
        int before = endpoints();

        _get(TextField.class, spec -> spec.withId("webhook-url")).setValue("ftp://hooks.example.com/x");
        _click(_get(Button.class, spec -> spec.withId("webhook-create")));

        assertThat(banner()).isEqualTo("The URL must start with https:// or http://.");
        assertThat(_find(TextField.class, spec -> spec.withId("webhook-secret"))).isEmpty();
        assertThat(endpoints()).isEqualTo(before);
    }

    @Test
    void an_unknown_endpoint_in_the_address_is_not_found() {
        signInStaff(admin, StaffRole.ADMIN);
        UI.getCurrent().navigate(OpsWebhooksView.class, QueryParameters.of("endpoint", UUID.randomUUID().toString()));
        assertThat(banner()).isEqualTo("We could not find that webhook endpoint.");
        assertThat(_find(Grid.class, spec -> spec.withId("webhook-deliveries"))).isEmpty();
    }

    @Test
    void support_finance_and_customers_never_open_the_webhooks_page() {
        for (StaffRole role : List.of(StaffRole.SUPPORT, StaffRole.FINANCE)) {
            signInStaff(data.newStaffUser(), role);
            assertThatThrownBy(() -> UI.getCurrent().navigate(OpsWebhooksView.class))
                    .isInstanceOf(MockAccessDeniedException.class);
        }
        signIn(data.newCustomer("USD").username());
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsWebhooksView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void an_admin_sets_changes_and_clears_an_accounts_low_balance_threshold_on_its_page_and_bad_input_changes_nothing() {
        var customer = data.newCustomer("USD");
        signInStaff(admin, StaffRole.SUPPORT, StaffRole.ADMIN);
        UI.getCurrent().navigate("ops/account", QueryParameters.of("id", customer.accountId().value().toString()));
        assertThat(_get(Paragraph.class, spec -> spec.withId("low-balance-state")).getText())
                .isEqualTo("No threshold: balance.low is not sent for this account.");

        TextField amount = _get(TextField.class, spec -> spec.withId("low-balance-amount"));
        amount.setValue("50.005");
        _click(_get(Button.class, spec -> spec.withId("low-balance-save")));
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).contains("at most 2 decimal places");
        amount.setValue("fifty");
        _click(_get(Button.class, spec -> spec.withId("low-balance-save")));
        assertThat(amount.getErrorMessage()).isEqualTo("Enter an amount such as 50.00.");
        assertThat(thresholds(customer)).isZero();

        amount.setValue("50.00");
        _click(_get(Button.class, spec -> spec.withId("low-balance-save")));
        assertThat(amount.isInvalid()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("low-balance-state")).getText())
                .isEqualTo("balance.low fires when a debit takes the balance below $50.00.");
        amount.setValue("");
        _click(_get(Button.class, spec -> spec.withId("low-balance-save")));
        assertThat(thresholds(customer)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where account_id = ? and action like 'webhook.threshold.%'")
                .param(customer.accountId().value()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void support_does_not_see_the_low_balance_section() {
        var customer = data.newCustomer("USD");
        signInStaff(data.newStaffUser(), StaffRole.SUPPORT);
        UI.getCurrent().navigate("ops/account", QueryParameters.of("id", customer.accountId().value().toString()));
        assertThat(_find(TextField.class, spec -> spec.withId("low-balance-amount"))).isEmpty();
    }

    private int thresholds(TestData.Customer customer) {
        return jdbc.sql("select count(*) from webhook_balance_threshold where account_id = ?")
                .param(customer.accountId().value()).query(Integer.class).single();
    }

    private String banner() {
        return _get(Div.class, spec -> spec.withId("webhooks-banner")).getText();
    }

    private EndpointSummary row() {
        return GridKt._get(grid(), rowIndex());
    }

    /** A button in this test's endpoint's row. */
    private Button action(String id) {
        return _get(GridKt._getCellComponent(grid(), rowIndex(), "actions"), Button.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private Grid<EndpointSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("webhook-endpoints"));
    }

    private int rowIndex() {
        Grid<EndpointSummary> grid = grid();
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).url().equals(url)) {
                return i;
            }
        }
        throw new AssertionError("No row for " + url);
    }

    private int endpoints() {
        return jdbc.sql("select count(*) from webhook_endpoint").query(Integer.class).single();
    }
}
