package dev.billfold.hosting.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.hosting.AutoTopUpRule;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.RenewalService;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.language.Language;
import dev.billfold.ui.KaribuTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The renewals tab's automatic top-up form (DD-105): set and saved, refused on its field with nothing saved, the
 * renewal that takes the balance under the threshold firing it, a decline shown with its waiting time and the
 * choice to try again, in Russian too, and read-only for a Viewer.
 */
class AutoTopUpFormTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RenewalService renewals;

    Customer customer;
    ServiceFixtures fixtures;

    @BeforeEach
    void newCustomer() {
        customer = data.newCustomer("USD");
        fixtures = new ServiceFixtures(jdbc);
    }

    @Test
    void an_owner_sets_a_balance_threshold_a_fixed_amount_and_a_cap_and_it_is_saved() {
        data.savedCard(customer, customer.person(), "4242", true);
        openRenewals();
        assertThat(status().getText()).isEqualTo("Automatic top-up is off. This month: $0.00 topped up automatically.");

        setUp("20.00", "50.00", "100.00");
        _click(button("auto-top-up-save"));

        assertThat(_get(Div.class, spec -> spec.withId("renewal-message")).getText())
                .isEqualTo("Automatic top-up saved.");
        assertThat(status().getText()).isEqualTo("This month: $0.00 of $100.00 topped up automatically.");
        AutoTopUpRule rule = renewals.autoTopUpSettings().rule();
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.belowBalance().value()).isEqualByComparingTo("20.00");
        assertThat(rule.amountMode()).isEqualTo(AutoTopUpRule.AmountMode.FIXED);
        assertThat(rule.amount().value()).isEqualByComparingTo("50.00");
        assertThat(rule.monthlyCap().value()).isEqualByComparingTo("100.00");
        assertThat(rule.payerId()).isEqualTo(customer.person());
        assertThat(rule.methodId()).as("the payer's default").isNull();
    }

    @Test
    void an_amount_outside_the_limits_is_refused_on_its_field_and_nothing_is_saved() {
        openRenewals();
        setUp("20.00", "0.10", "");
        _click(button("auto-top-up-save"));

        TextField amount = field("auto-top-up-amount");
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).startsWith("An automatic top-up is from $");
        assertThat(renewals.autoTopUpSettings().rule().enabled()).isFalse();

        _setValue(field("auto-top-up-amount"), "1.234,5");
        _click(button("auto-top-up-save"));
        assertThat(field("auto-top-up-amount").getErrorMessage()).startsWith("Write the amount with digits");
        assertThat(renewals.autoTopUpSettings().rule().enabled()).isFalse();
    }

    @Test
    void a_declined_top_up_shows_its_waiting_time_in_russian_and_the_owner_may_try_again_now() {
        data.savedCard(customer, customer.person(), "0002", true);
        fixtures.credit(customer, "25.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "10.00", "MONTH",
                LocalDate.now(ZoneOffset.UTC).plusDays(2), "ACTIVE", false);
        openRenewals();
        setUp("20.00", "50.00", "");
        _click(button("auto-top-up-save"));
        // Renewing takes the balance to 15.00, under 20.00: the auto top-up fires after the commit, and the card
        // declines
        _setValue(_get(Checkbox.class, spec -> spec.withId("renew-" + vps.value())), true);
        _click(button("renew-from-balance"));
        awaitDeclines(1);
        UI.getCurrent().setLocale(Language.RU.locale());
        try {
            UI.getCurrent().navigate("renewals");
            assertThat(status().getText()).startsWith("1 отказ подряд: следующая попытка не раньше ")
                    .endsWith("В этом месяце пополнено автоматически: 0,00\u00a0$.");
            assertThat(_get(Checkbox.class, spec -> spec.withId("auto-top-up-reset")).isVisible()).isTrue();
        } finally {
            UI.getCurrent().setLocale(Language.EN.locale());
        }
        UI.getCurrent().navigate("renewals");
        assertThat(_get(Div.class, spec -> spec.withId("renewal-activity")).getElement().toString())
                .contains("Automatic top-up declined:").contains("Your card was declined.");

        _setValue(_get(Checkbox.class, spec -> spec.withId("auto-top-up-reset")), true);
        _click(button("auto-top-up-save"));
        assertThat(renewals.autoTopUpSettings().state().declines()).isZero();
        assertThat(status().getText()).isEqualTo("This month: $0.00 topped up automatically.");
    }

    @Test
    void a_viewer_reads_the_automatic_top_up_and_cannot_save_it() {
        String viewer = data.addMember(customer.accountId(), "VIEWER");
        signIn(viewer);
        UI.getCurrent().navigate("renewals");

        assertThat(_get(Checkbox.class, spec -> spec.withId("auto-top-up")).isReadOnly()).isTrue();
        _assertNone(Button.class, spec -> spec.withId("auto-top-up-save"));
    }

    private void awaitDeclines(int declines) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (renewals.autoTopUpSettings().state().declines() < declines && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(renewals.autoTopUpSettings().state().declines()).isEqualTo(declines);
    }

    @SuppressWarnings("unchecked")
    private void setUp(String belowBalance, String amount, String cap) {
        _setValue(_get(Checkbox.class, spec -> spec.withId("auto-top-up")), true);
        RadioButtonGroup<AutoTopUpForm.When> when = _get(RadioButtonGroup.class,
                spec -> spec.withId("auto-top-up-when"));
        _setValue(when, AutoTopUpForm.When.BALANCE);
        _setValue(field("auto-top-up-below-balance"), belowBalance);
        _setValue(field("auto-top-up-amount"), amount);
        _setValue(field("auto-top-up-cap"), cap);
    }

    private void openRenewals() {
        signIn(customer.username());
        UI.getCurrent().navigate("renewals");
        NavigatorKt.expectView(RenewalsView.class);
    }

    private static Paragraph status() {
        return _get(Paragraph.class, spec -> spec.withId("auto-top-up-status"));
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }
}
