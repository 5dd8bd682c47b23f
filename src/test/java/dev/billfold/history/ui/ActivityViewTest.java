package dev.billfold.history.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerService;
import dev.billfold.history.ActivityQuery;
import dev.billfold.history.ActivityRow;
import dev.billfold.ops.AccountNotes;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer's Activity page: their account's trail, staff only as "Billing team", staff-only entries hidden. */
class ActivityViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    PayerService payers;
    @Autowired
    AccountNotes notes;

    Customer customer;
    String staff;

    /** The owner changes the default payer; staff write one note for the customer and one for themselves. */
    @BeforeEach
    void anAccountWithActivity() {
        customer = data.newCustomer("USD");
        staff = data.newStaffUser();
        TestData.signIn(customer.username());
        var other = payers.all().stream().filter(p -> !p.isDefault()).findFirst().orElseThrow();
        payers.makeDefault(other.id(), other.version());
        TestData.signIn(staff, List.of(StaffRole.SUPPORT));
        notes.add(customer.accountId(), "Internal: looks like a reseller", false);
        notes.add(customer.accountId(), "We have credited your bank transfer.", true);
        TestData.signOut();
    }

    @Test
    void the_owner_sees_their_own_change_and_the_note_for_them_from_the_billing_team_never_the_staff_members_name() {
        signIn(customer.username());
        UI.getCurrent().navigate(ActivityView.class);
        NavigatorKt.expectView(ActivityView.class);

        List<ActivityRow> rows = rows();
        assertThat(rows).extracting(ActivityRow::who).containsExactly("Billing team", rows.get(1).who());
        assertThat(rows.getFirst().note()).isEqualTo("We have credited your bank transfer.");
        assertThat(rows.get(1).text()).contains("the default payer");
        assertThat(rows.get(1).who()).isNotEqualTo("Billing team").isNotBlank();
        assertThat(rows.toString()).doesNotContain("Staff Member").doesNotContain(staff)
                .doesNotContain("reseller");
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("Billing team", "We have credited your bank transfer.");
    }

    @Test
    void the_lines_stored_in_english_read_in_russian_and_the_billing_team_is_named_in_russian() {
        signIn(customer.username());
        UI.getCurrent().setLocale(Locale.of("ru"));
        UI.getCurrent().navigate(ActivityView.class);

        List<ActivityRow> rows = rows();
        String payer = rows.get(1).text().replaceFirst("^Made (.+) the default payer$", "$1");
        assertThat(GridKt._getFormattedRow(grid(), 0).subList(1, 3))
                .containsExactly("Отдел расчётов", "Сообщение от отдела расчётов");
        assertThat(GridKt._getFormattedRow(grid(), 1).get(2)).isEqualTo(payer + " выбран основным плательщиком");
        assertThat(rows.get(1).text()).as("stored as it was written").isEqualTo("Made " + payer + " the default payer");
    }

    @Test
    void every_role_of_the_account_reads_it_and_finds_it_in_the_menu_after_the_payment_history() {
        String viewer = data.addMember(customer.accountId(), "VIEWER");
        signIn(viewer);
        UI.getCurrent().navigate(ActivityView.class);
        assertThat(rows()).extracting(ActivityRow::note).contains("We have credited your bank transfer.");

        List<String> menu = MenuConfiguration.getMenuEntries().stream().map(MenuEntry::title).toList();
        assertThat(menu).containsSubsequence("Payment history", "Activity", "Payment methods");
    }

    @Test
    void the_grid_fetches_more_than_one_page_of_the_activity() {
        TestData.signIn(staff, List.of(StaffRole.SUPPORT));
        for (int i = 0; i < ActivityQuery.PAGE_SIZE; i++) {
            notes.add(customer.accountId(), "message " + i, true);
        }
        signIn(customer.username());
        UI.getCurrent().navigate(ActivityView.class);
        assertThat(rows()).hasSize(ActivityQuery.PAGE_SIZE + 2);
        assertThat(rows().getLast().text()).contains("the default payer");
    }

    @SuppressWarnings("unchecked")
    private static Grid<ActivityRow> grid() {
        return _get(Grid.class, spec -> spec.withId("activity-grid"));
    }

    private static List<ActivityRow> rows() {
        return GridKt._fetch(grid(), 0, 200);
    }
}
