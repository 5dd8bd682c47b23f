package dev.billfold.account.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.AccountChoice;
import dev.billfold.account.AccountId;
import dev.billfold.payment.ui.PaymentViews;
import dev.billfold.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The header's account switcher: shown for two or more accounts, switching changes what the whole page shows. */
class AccountSwitcherViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    Customer morgan;
    Customer steppe;

    @BeforeEach
    void twoAccounts() {
        morgan = data.newCustomer("USD");
        steppe = data.newCustomer("KZT");
        jdbc.sql("update account_balance set amount_value = 125000 where account_id = ?").param(steppe.accountId().value()).update();
        // Never chosen yet, the user starts in their first account by name.
        jdbc.sql("update account set name = 'Morgan Web Studio' where id = ?").param(morgan.accountId().value()).update();
        jdbc.sql("update account set name = 'Steppe Networks' where id = ?").param(steppe.accountId().value()).update();
    }

    @Test
    void one_account_shows_its_name_its_number_and_no_switcher() {
        signIn(morgan.username());
        UI.getCurrent().navigate(PaymentViews.TOP_UP);

        assertThat(_get(Span.class, spec -> spec.withId("account-name")).getText()).isEqualTo("Morgan Web Studio");
        String number = jdbc.sql("select account_number from account where id = ?")
                .param(morgan.accountId().value()).query(String.class).single();
        assertThat(_get(Span.class, spec -> spec.withId("account-number")).getText()).isEqualTo("No. " + number);
        assertThat(_find(Select.class, spec -> spec.withId("account-switcher"))).isEmpty();
    }

    @Test
    void with_two_accounts_switching_changes_the_account_balance_and_role_on_the_page_and_the_choice_is_kept() {
        joinAs(steppe.accountId(), "VIEWER");
        signIn(morgan.username());
        UI.getCurrent().navigate(PaymentViews.TOP_UP);

        Select<AccountChoice> switcher = switcher();
        assertThat(switcher.getListDataView().getItems().map(switcher.getItemLabelGenerator()))
                .containsExactlyInAnyOrder("Morgan Web Studio · Owner", "Steppe Networks · Viewer");
        assertThat(switcher.getValue().id()).isEqualTo(morgan.accountId());
        assertThat(text("header-balance")).isEqualTo("$0.00");

        _setValue(switcher, choice(switcher, steppe.accountId()));

        NavigatorKt.expectView(PaymentViews.TOP_UP);
        assertThat(switcher().getValue().id()).isEqualTo(steppe.accountId());
        assertThat(text("header-balance")).isEqualTo("KZT 125,000.00");
        assertThat(text("balance")).isEqualTo("KZT 125,000.00");
        assertThat(_get(Paragraph.class, spec -> spec.withId("read-only-note")).getText()).contains("Your role here is Viewer");

        // The choice is stored, not kept in the session: a new UI (another tab, or after signing in again) opens there.
        MockVaadin.tearDown();
        setUpVaadin();
        signIn(morgan.username());
        UI.getCurrent().navigate(PaymentViews.HISTORY);
        assertThat(switcher().getValue().id()).isEqualTo(steppe.accountId());
        assertThat(text("header-balance")).isEqualTo("KZT 125,000.00");
    }

    @Test
    void a_removed_membership_falls_back_to_an_account_the_user_still_belongs_to() {
        joinAs(steppe.accountId(), "BILLING");
        signIn(morgan.username());
        UI.getCurrent().navigate(PaymentViews.TOP_UP);
        _setValue(switcher(), choice(switcher(), steppe.accountId()));
        assertThat(text("header-balance")).isEqualTo("KZT 125,000.00");

        jdbc.sql("delete from account_member where account_id = ? and user_id = ?")
                .params(steppe.accountId().value(), morgan.userId().value()).update();
        newRequest();
        UI.getCurrent().navigate(PaymentViews.HISTORY);
        UI.getCurrent().navigate(PaymentViews.TOP_UP);
        assertThat(text("balance")).as("the services fall back at once").isEqualTo("$0.00");

        MockVaadin.tearDown();
        setUpVaadin();
        signIn(morgan.username());
        UI.getCurrent().navigate(PaymentViews.TOP_UP);
        assertThat(text("header-balance")).isEqualTo("$0.00");
        assertThat(_get(Span.class, spec -> spec.withId("account-name")).getText()).as("one account left: no switcher")
                .isEqualTo("Morgan Web Studio");
    }

    private void joinAs(AccountId account, String role) {
        jdbc.sql("insert into account_member (account_id, user_id, role) values (?, ?, ?)")
                .params(account.value(), morgan.userId().value(), role).update();
    }

    @SuppressWarnings("unchecked")
    static Select<AccountChoice> switcher() {
        return _get(Select.class, spec -> spec.withId("account-switcher"));
    }

    static AccountChoice choice(Select<AccountChoice> switcher, AccountId id) {
        return switcher.getListDataView().getItems().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
