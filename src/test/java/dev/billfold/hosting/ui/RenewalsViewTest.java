package dev.billfold.hosting.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.RadioButtonsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.internal.UIInternals;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.HostedServiceSummary;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.MethodOption;
import dev.billfold.payment.ui.PaymentViews;
import dev.billfold.ui.KaribuTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Renewals tab through the views: renewing from the balance (for a month, and for longer terms), a shortfall
 * topped up through the demo checkout that completes the renewal by itself, the migration order, auto-renew switches
 * and the read-only viewer. After each test the balance was never negative, after any ledger entry.
 */
class RenewalsViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    GatewayRegistry gateways;

    Customer customer;
    ServiceFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void newCustomer() {
        customer = data.newCustomer("USD");
        fixtures = new ServiceFixtures(jdbc);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @AfterEach
    void ledgerInvariant() {
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
        assertThat(data.balance(customer.accountId()).signum()).isGreaterThanOrEqualTo(0);
        assertThat(data.runningBalances(customer.accountId())).as("balance after each entry, in sequence")
                .allSatisfy(after -> assertThat(after.signum()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void renewing_an_expiring_service_from_the_balance_extends_it_and_lowers_the_header_balance() {
        fixtures.credit(customer, "100.00");
        HostedServiceId vps = fixtures.service(customer, "VPS Cloud-4", "24.00", "MONTH", today.plusDays(5), "ACTIVE", false);
        openRenewals();
        assertThat(text("status-" + vps.value())).isEqualTo("Expiring soon");
        assertThat(text("cost-" + vps.value())).isEqualTo("$24.00 for 1 month: paid until " + today.plusDays(5).plusMonths(1) + ".");

        _setValue(checkbox("renew-" + vps.value()), true);
        assertThat(text("renewal-total")).isEqualTo("Total $24.00 · balance $100.00");
        assertThat(text("renewal-after")).isEqualTo("Balance after: $76.00");
        assertThat(button("renew-from-balance").getText()).isEqualTo("Pay $24.00 from the balance");
        _click(button("renew-from-balance"));

        assertThat(message().getText()).isEqualTo("Renewed: VPS Cloud-4 until " + today.plusDays(5).plusMonths(1)
                + ". $24.00 was charged to your balance.");
        assertThat(message().getElement().getAttribute("data-kind")).isEqualTo("success");
        assertThat(text("header-balance")).isEqualTo("$76.00");
        assertThat(text("renewals-balance")).isEqualTo("$76.00");
        assertThat(text("status-" + vps.value())).isEqualTo("Active");
        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(today.plusDays(5).plusMonths(1));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("76.00");
    }

    @Test
    void longer_terms_cost_their_periods_charge_one_entry_per_service_and_period_and_extend_paid_until() {
        fixtures.credit(customer, "200.00");
        LocalDate vpsUntil = today.plusDays(5);
        LocalDate backupUntil = today.plusDays(6);
        LocalDate domainUntil = today.plusDays(4);
        HostedServiceId vps = fixtures.service(customer, "VPS Cloud-4", "24.00", "MONTH", vpsUntil, "ACTIVE", false);
        HostedServiceId backup = fixtures.service(customer, "Backup 100 GB", "2.00", "MONTH", backupUntil, "ACTIVE", false);
        HostedServiceId domain = fixtures.service(customer, "example.org", "15.00", "YEAR", domainUntil, "ACTIVE", false);
        openRenewals();
        assertThat(termLabels(domain)).as("a yearly service renews by the year only").containsExactly("1 year · $15.00");
        assertThat(termLabels(vps)).containsExactly("1 month · $24.00", "3 months · $72.00", "6 months · $144.00",
                "12 months · $288.00");

        _setValue(term(vps), termOf(vps, 3));
        _setValue(term(backup), termOf(backup, 12));
        assertThat(text("cost-" + vps.value())).isEqualTo("$72.00 for 3 months: paid until " + vpsUntil.plusMonths(3) + ".");
        assertThat(text("cost-" + backup.value())).isEqualTo("$24.00 for 12 months: paid until " + backupUntil.plusMonths(12) + ".");
        assertThat(text("cost-" + domain.value())).isEqualTo("$15.00 for 1 year: paid until " + domainUntil.plusYears(1) + ".");
        _setValue(checkbox("renew-" + vps.value()), true);
        _setValue(checkbox("renew-" + backup.value()), true);
        _setValue(checkbox("renew-" + domain.value()), true);
        assertThat(text("renewal-total")).isEqualTo("Total $111.00 · balance $200.00");
        assertThat(text("renewal-after")).isEqualTo("Balance after: $89.00");
        _click(button("renew-from-balance"));

        assertThat(message().getText()).contains("VPS Cloud-4 until " + vpsUntil.plusMonths(3),
                "Backup 100 GB until " + backupUntil.plusMonths(12), "example.org until " + domainUntil.plusYears(1),
                "$111.00 was charged to your balance.");
        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(vpsUntil.plusMonths(3));
        assertThat(fixtures.stored(backup).paidUntil()).isEqualTo(backupUntil.plusMonths(12));
        assertThat(fixtures.stored(domain).paidUntil()).isEqualTo(domainUntil.plusYears(1));
        assertThat(text("paid-until-" + vps.value())).endsWith("paid until " + vpsUntil.plusMonths(3));
        assertThat(text("paid-until-" + domain.value())).endsWith("paid until " + domainUntil.plusYears(1));

        var expected = new java.util.ArrayList<String>();
        for (int month = 0; month < 3; month++) {
            expected.add("renewal:" + vps.value() + ":" + vpsUntil.plusMonths(month));
        }
        for (int month = 0; month < 12; month++) {
            expected.add("renewal:" + backup.value() + ":" + backupUntil.plusMonths(month));
        }
        expected.add("renewal:" + domain.value() + ":" + domainUntil);
        assertThat(fixtures.chargeReferences(customer.accountId())).as("one CHARGE per service and period")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.sql("select amount_value from ledger_entry where account_id = ? and kind = 'CHARGE' and reference like ?")
                .params(customer.accountId().value(), "renewal:" + domain.value() + ":%").query(BigDecimal.class).single())
                .as("a year is one period at the yearly price").isEqualByComparingTo("-15.00");
        assertThat(fixtures.charges(vps)).isEqualTo(3);
        assertThat(fixtures.charges(backup)).isEqualTo(12);
        assertThat(fixtures.charges(domain)).isEqualTo(1);
        assertThat(text("header-balance")).isEqualTo("$89.00");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("89.00");
    }

    @Test
    void a_short_balance_prefills_the_top_up_and_the_demo_checkout_payment_completes_the_renewal_by_itself() {
        fixtures.credit(customer, "10.00");
        HostedServiceId vps = fixtures.service(customer, "VPS Cloud-4", "24.00", "MONTH", today.plusDays(5), "ACTIVE", false);
        openRenewals();

        _setValue(checkbox("renew-" + vps.value()), true);
        assertThat(button("renew-from-balance").isEnabled()).isFalse();
        assertThat(_get(Div.class, spec -> spec.withId("shortfall")).isVisible()).isTrue();
        assertThat(text("shortfall-text")).isEqualTo("Your balance is $14.00 short. Top up $14.00 and the renewal "
                + "completes by itself as soon as the payment is credited.");
        assertThat(button("top-up-and-renew").getText()).isEqualTo("Top up $14.00 and renew");
        RadioButtonsKt.selectByLabel(shortfallMethod(), "Card (demo checkout)");
        _click(button("top-up-and-renew"));

        String checkoutUrl = redirectedTo();
        assertThat(checkoutUrl).startsWith("/demo-gateway/checkout/cs_demo_");
        assertThat(fixtures.orderStatus(customer.accountId())).isEqualTo("AWAITING_PAYMENT");
        assertThat(data.balance(customer.accountId())).as("nothing moves before the provider confirms").isEqualByComparingTo("10.00");

        new DemoCustomer(gateways).pay(checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1));
        UUID payment = jdbc.sql("select id from payment where account_id = ?").param(customer.accountId().value())
                .query(UUID.class).single();
        UI.getCurrent().navigate("payment-return/" + payment);

        NavigatorKt.expectView(PaymentViews.HISTORY);
        assertThat(_get(Div.class, spec -> spec.withId("payment-banner")).getText())
                .isEqualTo("Payment credited: $14.00 was added to your balance.");
        assertThat(fixtures.orderStatus(customer.accountId())).isEqualTo("COMPLETED");
        assertThat(fixtures.stored(vps).paidUntil()).isEqualTo(today.plusDays(5).plusMonths(1));
        assertThat(text("header-balance")).isEqualTo("$0.00");

        UI.getCurrent().navigate(RenewalsView.class);
        assertThat(_get(Div.class, spec -> spec.withId("renewal-activity")).getElement().getTextRecursively())
                .contains("The top-up was credited and the renewal is paid: VPS Cloud-4 for 1 month");
    }

    @Test
    void the_migration_server_awaiting_payment_is_paid_from_the_balance_and_switched_on() {
        fixtures.credit(customer, "200.00");
        HostedServiceId server = fixtures.service(customer, "Migration server DS-4", "129.00", "MONTH", null, "AWAITING_PAYMENT", false);
        openRenewals();
        assertThat(text("status-" + server.value())).isEqualTo("Awaiting first payment");
        assertThat(checkbox("renew-" + server.value()).getLabel()).isEqualTo("Pay");

        _setValue(checkbox("renew-" + server.value()), true);
        _click(button("renew-from-balance"));

        assertThat(text("status-" + server.value())).isEqualTo("Active");
        assertThat(text("header-balance")).isEqualTo("$71.00");
        assertThat(fixtures.stored(server)).isEqualTo(new ServiceFixtures.StoredService(today.plusMonths(1), "ACTIVE", false));
    }

    @Test
    void switching_auto_renewal_is_saved() {
        HostedServiceId vps = fixtures.service(customer, "VPS", "24.00", "MONTH", today.plusDays(20), "ACTIVE", false);
        openRenewals();

        _setValue(checkbox("auto-renew-" + vps.value()), true);

        assertThat(message().getText()).isEqualTo("VPS: automatic renewal is on.");
        assertThat(fixtures.stored(vps).autoRenew()).isTrue();
    }

    @Test
    void a_viewer_sees_the_services_read_only() {
        fixtures.credit(customer, "100.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "24.00", "MONTH", today.plusDays(2), "ACTIVE", true);
        String viewer = data.addMember(customer.accountId(), "VIEWER");
        signIn(viewer);
        UI.getCurrent().navigate(RenewalsView.class);

        assertThat(_get(Div.class, spec -> spec.withId("read-only-note")).isVisible()).isTrue();
        assertThat(checkbox("renew-" + vps.value()).isEnabled()).isFalse();
        assertThat(checkbox("auto-renew-" + vps.value()).isReadOnly()).isTrue();
        assertThat(checkbox("auto-top-up").isReadOnly()).isTrue();
        assertThat(button("renew-from-balance").isEnabled()).isFalse();
        assertThat(fixtures.stored(vps).autoRenew()).isTrue();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo(new BigDecimal("100.00"));
    }

    @Test
    void the_top_up_page_and_the_renewals_tab_link_to_each_other() {
        signIn(customer.username());
        UI.getCurrent().navigate(PaymentViews.TOP_UP);
        assertThat(_get(Anchor.class, spec -> spec.withId("tab-renewals")).getHref()).isEqualTo("renewals");
        assertThat(_get(Anchor.class, spec -> spec.withId("tab-top-up")).getElement().getAttribute("aria-current")).isEqualTo("page");

        UI.getCurrent().navigate("renewals");
        NavigatorKt.expectView(RenewalsView.class);
        assertThat(_get(Anchor.class, spec -> spec.withId("tab-renewals")).getElement().getAttribute("aria-current")).isEqualTo("page");
        assertThat(_get(Anchor.class, spec -> spec.withId("tab-top-up")).getHref()).isEmpty();
    }

    private void openRenewals() {
        signIn(customer.username());
        UI.getCurrent().navigate(RenewalsView.class);
        NavigatorKt.expectView(RenewalsView.class);
    }

    static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    static Checkbox checkbox(String id) {
        return _get(Checkbox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    static Select<HostedServiceSummary.Term> term(HostedServiceId id) {
        return _get(Select.class, spec -> spec.withId("term-" + id.value()));
    }

    static HostedServiceSummary.Term termOf(HostedServiceId id, int periods) {
        return term(id).getListDataView().getItems().filter(t -> t.periods() == periods).findFirst().orElseThrow();
    }

    static java.util.List<String> termLabels(HostedServiceId id) {
        Select<HostedServiceSummary.Term> select = term(id);
        return select.getListDataView().getItems().map(t -> select.getItemLabelGenerator().apply(t)).toList();
    }

    static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    static Div message() {
        return _get(Div.class, spec -> spec.withId("renewal-message"));
    }

    @SuppressWarnings("unchecked")
    static RadioButtonGroup<MethodOption> shortfallMethod() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("shortfall-method"));
    }

    /** Where the view sent the browser with Page.setLocation (Karibu keeps the JavaScript call instead of running it). */
    private static String redirectedTo() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation)
                .filter(invocation -> invocation.getExpression().contains("window.open("))
                .map(UIInternals.JavaScriptInvocation::getParameters)
                .map(parameters -> String.valueOf(parameters.getFirst()))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the view did not send the browser anywhere"));
    }
}
