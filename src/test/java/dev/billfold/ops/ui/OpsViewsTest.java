package dev.billfold.ops.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.ops.AccountHit;
import dev.billfold.ops.OpsAccountQuery;
import dev.billfold.ops.OpsSearchQuery;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The back office's search and account page, as a staff member uses them and as a customer is kept out of them. */
class OpsViewsTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpsSearchQuery search;
    @Autowired
    OpsAccountQuery accounts;

    Customer customer;
    String number;
    String support;

    @BeforeEach
    void anAccountAndAStaffMember() {
        customer = data.newCustomer("USD");
        data.savedCard(customer, customer.person(), "4242", true);
        jdbc.sql("update account set name = ? where id = ?").params("Zebra Hosting " + customer.username(),
                customer.accountId().value()).update();
        number = jdbc.sql("select account_number from account where id = ?").param(customer.accountId().value())
                .query(String.class).single();
        support = data.newStaffUser();
    }

    @Test
    void support_finds_an_account_by_the_start_of_its_number_and_opens_its_page() {
        signInStaff(support, StaffRole.SUPPORT);
        UI.getCurrent().navigate(OpsSearchView.class);

        _get(TextField.class, spec -> spec.withId("ops-search-query")).setValue(number.substring(0, 7));
        _click(_get(Button.class, spec -> spec.withId("ops-search-button")));

        Grid<AccountHit> results = results();
        assertThat(GridKt._size(results)).isEqualTo(1);
        assertThat(GridKt._get(results, 0).accountId()).isEqualTo(customer.accountId());
        assertThat(GridKt._get(results, 0).matchedBy()).isEqualTo("Account number");

        UI.getCurrent().navigate(OpsAccountView.class,
                QueryParameters.of(OpsAccountView.ID, customer.accountId().value().toString()));
        NavigatorKt.expectView(OpsAccountView.class);
        assertThat(_get(H2.class, spec -> spec.withId("ops-account-name")).getText()).startsWith("Zebra Hosting");
        assertThat(_get(Span.class, spec -> spec.withId("ops-account-number")).getText()).endsWith(number);
        assertThat(_get(Span.class, spec -> spec.withId("ops-account-balance")).getText()).isEqualTo("Balance $0.00");
        assertThat(GridKt._size(grid("ops-payers"))).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid("ops-members"), 0)).contains("OWNER");
        assertThat(GridKt._getFormattedRow(grid("ops-methods"), 0).getFirst()).isEqualTo("Visa •••• 4242, 12/30");
        assertThat(_get(Span.class, spec -> spec.withId("ops-timeline-none")).isVisible()).isTrue();
        assertThat(_find(Button.class).stream().filter(button -> !(button instanceof DrawerToggle)).map(Button::getText))
                .as("read only but for notes: no button but the header's and the note's")
                .containsOnly("Sign out", "Add note");
    }

    @Test
    void search_ignores_case_finds_by_prefix_of_payer_e_mail_and_tax_id_and_says_when_nothing_matches() {
        signInStaff(support, StaffRole.FINANCE);

        assertThat(search.search("zebra hosting " + customer.username().substring(0, 12), 0).hits())
                .extracting(AccountHit::accountId).containsOnly(customer.accountId());
        assertThat(search.search(customer.username().toUpperCase().substring(0, 20), 0).hits())
                .as("the member's e-mail").anyMatch(hit -> hit.matchedBy().equals("Member e-mail")
                        && hit.accountId().equals(customer.accountId()));
        String taxId = "TAXZ-" + UUID.randomUUID();
        jdbc.sql("update payer set tax_id = ? where id = ?").params(taxId, customer.company().value()).update();
        assertThat(search.search(taxId.toLowerCase().substring(0, 14), 0).hits()).extracting(AccountHit::matchedBy)
                .containsExactly("Tax id");
        assertThat(search.search("%", 0).hits()).as("a wildcard is taken literally").isEmpty();

        UI.getCurrent().navigate(OpsSearchView.class, QueryParameters.of("q", "no such customer " + UUID.randomUUID()));
        assertThat(_get(Div.class, spec -> spec.withId("ops-search-banner")).getText()).startsWith("Nothing found");
        assertThat(_find(Grid.class, spec -> spec.withId("ops-search-results"))).as("no result grid shown").isEmpty();
    }

    @Test
    void results_come_in_pages() {
        String tag = "Paged " + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < OpsSearchQuery.PAGE_SIZE + 3; i++) {
            var other = data.newCustomer("USD");
            jdbc.sql("update account set name = ? where id = ?").params("%s %02d".formatted(tag, i),
                    other.accountId().value()).update();
        }
        signInStaff(support, StaffRole.SUPPORT);
        UI.getCurrent().navigate(OpsSearchView.class, QueryParameters.of("q", tag.toLowerCase()));

        assertThat(GridKt._size(results())).isEqualTo(OpsSearchQuery.PAGE_SIZE);
        assertThat(_get(Button.class, spec -> spec.withId("ops-search-previous")).isEnabled()).isFalse();
        _click(_get(Button.class, spec -> spec.withId("ops-search-next")));
        assertThat(GridKt._size(results())).isEqualTo(3);
        assertThat(GridKt._get(results(), 2).accountName()).isEqualTo(tag + " 22");
        assertThat(_get(Span.class, spec -> spec.withId("ops-search-page")).getText()).isEqualTo("Page 2");
        assertThat(_get(Button.class, spec -> spec.withId("ops-search-next")).isEnabled()).isFalse();
    }

    @Test
    void an_unknown_or_malformed_account_id_shows_not_found() {
        signInStaff(support, StaffRole.SUPPORT);
        for (String id : new String[] {UUID.randomUUID().toString(), "not-an-id"}) {
            UI.getCurrent().navigate(OpsAccountView.class, QueryParameters.of(OpsAccountView.ID, id));
            assertThat(_get(Div.class, spec -> spec.withId("ops-account-banner")).getText())
                    .isEqualTo("We could not find that account.");
        }
    }

    @Test
    void a_customer_never_sees_the_back_office_and_its_services_refuse_them() {
        signIn(customer.username());

        // Vaadin's navigation access control refuses the view (Karibu throws where a browser gets the error page).
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsSearchView.class, QueryParameters.of("q", number)))
                .isInstanceOf(MockAccessDeniedException.class).hasMessageContaining("OpsSearchView");
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsAccountView.class,
                QueryParameters.of(OpsAccountView.ID, customer.accountId().value().toString())))
                .isInstanceOf(MockAccessDeniedException.class).hasMessageContaining("OpsAccountView");
        assertThat(_find(Span.class, spec -> spec.withId("ops-account-number"))).isEmpty();
        assertThat(_find(RouterLink.class, spec -> spec.withId("ops-nav-search"))).isEmpty();

        assertThatThrownBy(() -> search.search(number, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.account(customer.accountId())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_staff_member_without_a_customer_account_starts_in_the_back_office() {
        signInStaff(support, StaffRole.SUPPORT);

        UI.getCurrent().navigate("");

        NavigatorKt.expectView(OpsSearchView.class);
        RouterLink searchLink = _get(RouterLink.class, spec -> spec.withId("ops-nav-search"));
        assertThat(searchLink.getHref()).isEqualTo(OpsSearchView.ROUTE);
        // Search is a page, not a queue: it shows no count.
        assertThat(_find(Span.class, spec -> spec.withId("ops-nav-search-count"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Grid<AccountHit> results() {
        return _get(Grid.class, spec -> spec.withId("ops-search-results"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }
}
